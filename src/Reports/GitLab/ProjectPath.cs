using System.Globalization;

namespace Reports.GitLab;

/// <summary>How a project goes into a URL: a numeric id as is, a full path with <c>/</c> as <c>%2F</c>.</summary>
internal static class ProjectPath
{
    public static string Encode(string project)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        var trimmed = project.Trim().Trim('/');
        return long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? trimmed
            : Uri.EscapeDataString(trimmed);
    }
}
