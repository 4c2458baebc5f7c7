using System.Globalization;
using Reports.Config;

namespace Reports.Notify;

/// <summary>
/// The merge request <c>evidence notify</c> writes on: the instance, the project and the IID, from
/// the command line, else GitLab CI's variables, else the config.
/// </summary>
/// <param name="Instance">Instance base URL, without <c>/api/v4</c>.</param>
/// <param name="Project">Numeric id or full path.</param>
internal sealed record NotifyTarget(Uri Instance, string Project, int Iid)
{
    public const string ApiUrlVariable = "CI_API_V4_URL";

    public const string MergeRequestProjectVariable = "CI_MERGE_REQUEST_PROJECT_ID";

    public const string ProjectVariable = "CI_PROJECT_ID";

    public const string MergeRequestIidVariable = "CI_MERGE_REQUEST_IID";

    /// <summary>
    /// Flags (<paramref name="project"/>, <paramref name="iid"/>) override CI variables, which override
    /// the config (<c>gitlab.url</c>; <c>gitlab.projects</c> when it lists exactly one).
    /// </summary>
    /// <exception cref="EvidenceException">No merge request or project can be told, or a value is malformed.</exception>
    public static NotifyTarget Resolve(EvidenceConfig config, string? project, int? iid, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        var instance = InstanceOf(environment(ApiUrlVariable)) ?? config.GitLab.Url;

        var chosenProject = Blank(project)
            ?? Blank(environment(MergeRequestProjectVariable))
            ?? Blank(environment(ProjectVariable))
            ?? (config.GitLab.Projects.Count == 1 ? config.GitLab.Projects[0] : null)
            ?? throw new EvidenceException(
                $"no project: pass --project ID|PATH, or run in a merge request pipeline ({MergeRequestProjectVariable}), or list exactly one project in gitlab.projects");

        int chosenIid;
        if (iid is { } given)
        {
            chosenIid = given > 0 ? given : throw new EvidenceException($"--mr must be a merge request IID (a positive number), not {given}");
        }
        else if (Blank(environment(MergeRequestIidVariable)) is { } fromCi)
        {
            chosenIid = int.TryParse(fromCi, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
                ? parsed
                : throw new EvidenceException($"{MergeRequestIidVariable} is '{fromCi}', not a merge request IID");
        }
        else
        {
            throw new EvidenceException(
                $"no merge request: pass --mr IID, or run in a merge request pipeline (rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"), which sets {MergeRequestIidVariable}");
        }

        return new NotifyTarget(instance, chosenProject, chosenIid);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The instance of <c>CI_API_V4_URL</c> (which ends in /api/v4), or null when unset or not an http(s) URL.</summary>
    private static Uri? InstanceOf(string? apiUrl)
    {
        if (!Uri.TryCreate(Blank(apiUrl), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var root = path.EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase) ? path[..^"/api/v4".Length] : path;
        return new UriBuilder(uri) { Path = root + "/", UserName = "", Password = "", Query = "", Fragment = "" }.Uri;
    }
}
