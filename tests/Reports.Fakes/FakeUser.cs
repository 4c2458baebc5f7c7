namespace Reports.Fakes;

/// <summary>A GitLab account in the fake's dataset.</summary>
public sealed record FakeUser(long Id, string Username, string Name)
{
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
