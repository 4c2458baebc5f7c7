namespace Reports.Fakes;

/// <summary>A GitLab account in the fake's dataset.</summary>
public sealed record FakeUser(long Id, string Username, string Name)
{
    /// <summary>The bot user of a project or group access token.</summary>
    public bool Bot { get; init; }

    internal object ToJson(Uri baseUrl) => new
    {
        id = Id,
        username = Username,
        name = Name,
        state = "active",
        avatar_url = $"{baseUrl}uploads/{Username}.png",
        web_url = $"{baseUrl}{Username}",
    };
}
