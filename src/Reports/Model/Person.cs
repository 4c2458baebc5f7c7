using System.Text.Json.Serialization;

namespace Reports.Model;

/// <summary>A GitLab account: <c>username</c> is the handle, <c>name</c> the display name.</summary>
internal sealed record Person(string Username, string? Name = null)
{
    [JsonIgnore]
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Username : Name;
}
