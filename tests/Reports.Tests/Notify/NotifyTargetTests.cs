using Reports.Config;
using Reports.Notify;

namespace Reports.Tests.Notify;

/// <summary>docs/notify.md "Which merge request": flags override GitLab CI's variables, which override the config.</summary>
public sealed class NotifyTargetTests
{
    private static readonly EvidenceConfig Config = ConfigLoader.Parse(
        "gitlab:\n  url: https://gitlab.example.com\n  projects: [ppl/sira-backend]\nlinear:\n  teams: [SIRA]\nnotify:\n  token_env: SIRABOT_TOKEN\n",
        "evidence.yml", "/work/evidence.yml", ConfigPurpose.Notify, _ => null);

    public static TheoryData<string?, int?, string, string, string, int> Cases => new()
    {
        // flags,             CI variables (API URL | MR project | project | IID)                         → instance, project, IID
        { null, null, "https://ci.example.com/api/v4|42|7|5", "https://ci.example.com/", "42", 5 },
        { null, null, "|  |7|5", "https://gitlab.example.com/", "7", 5 },
        { null, null, "||  |5", "https://gitlab.example.com/", "ppl/sira-backend", 5 },
        { "ppl/other", 9, "https://ci.example.com/api/v4/|42|7|5", "https://ci.example.com/", "ppl/other", 9 },
        { null, 3, "|||", "https://gitlab.example.com/", "ppl/sira-backend", 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Flags_then_CI_variables_then_the_config(string? project, int? iid, string ci, string instance, string expectedProject, int expectedIid)
    {
        var values = ci.Split('|');
        var environment = new Dictionary<string, string>
        {
            [NotifyTarget.ApiUrlVariable] = values[0],
            [NotifyTarget.MergeRequestProjectVariable] = values[1],
            [NotifyTarget.ProjectVariable] = values[2],
            [NotifyTarget.MergeRequestIidVariable] = values[3],
        };

        var target = NotifyTarget.Resolve(Config, project, iid, name => environment.GetValueOrDefault(name));

        Assert.Equal(new NotifyTarget(new Uri(instance), expectedProject, expectedIid), target);
    }

    [Theory]
    [InlineData(null, "no merge request: pass --mr IID")]
    [InlineData("five", "CI_MERGE_REQUEST_IID is 'five', not a merge request IID")]
    public void Without_a_merge_request_the_message_says_what_to_set(string? iid, string message)
    {
        var error = Assert.Throws<EvidenceException>(() => NotifyTarget.Resolve(Config, null, null, name => name == NotifyTarget.MergeRequestIidVariable ? iid : null));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linear:\n  url: https://api.linear.app/graphql\nnotify:\n  token_env: BOT\n", "evidence.yml:1: missing required key 'linear.teams'")]
    [InlineData("linear:\n  teams: []\nnotify:\n  token_env: BOT\n", "evidence.yml:2: linear.teams is empty; evidence notify needs the team keys")]
    public void Notify_needs_the_team_keys_whose_identifiers_link_tickets(string yaml, string message)
    {
        var error = Assert.Throws<EvidenceException>(() =>
            ConfigLoader.Parse(yaml, "evidence.yml", "/work/evidence.yml", ConfigPurpose.Notify, name => name == "CI_API_V4_URL" ? "https://gitlab.example.com/api/v4" : null));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
