using Reports.Fakes;
using Reports.GitLab;
using Reports.Notify;
using Reports.Rendering;
using Reports.Tests.GitLab;
using Reports.Tests.Linear;
using Reports.Tests.Support;

namespace Reports.Tests.Notify;

/// <summary>
/// A fake GitLab with project ppl/sira-backend and merge request !1 (branch <c>sira-125-cancel-invoice</c>,
/// description "Closes SIRA-214"), the bot of a project access token, and a fake Linear with team SIRA and
/// tickets SIRA-125 and SIRA-214; <see cref="RunAsync"/> runs the notifier as the bot over HTTP.
/// </summary>
internal sealed class NotifyScenario : IAsyncDisposable
{
    public const string BotToken = "glpat-FAKE-b0t-t0ken-value";

    private NotifyScenario(FakeGitLab gitLab, FakeLinear linear)
    {
        GitLab = gitLab;
        Linear = linear;
        Author = gitLab.AddUser("froklax", "Froklax");
        Teammate = gitLab.AddUser("abhipraya", "Abhipraya");
        Bot = gitLab.AddUser("project_42_bot_5f1e", "sirabot", bot: true);
        gitLab.AddToken(BotToken, Bot);
        Project = gitLab.AddProject("ppl/sira-backend");
        MergeRequest = gitLab.AddMergeRequest(Project, Author, m =>
        {
            m.Title = "Cancel invoice";
            m.SourceBranch = "sira-125-cancel-invoice";
            m.Description = "Closes SIRA-214";
        });
        Team = linear.AddTeam("SIRA", "Sira");
        Cancel = linear.AddIssue(Team, configure: i => { i.Title = "Cancel invoice"; i.State = FakeLinearState.InProgress; }, number: 125);
        Refund = linear.AddIssue(Team, configure: i => { i.Title = "Refund a cancelled invoice"; i.State = FakeLinearState.Todo; }, number: 214);
    }

    public FakeGitLab GitLab { get; }

    public FakeLinear Linear { get; }

    public FakeUser Author { get; }

    public FakeUser Teammate { get; }

    public FakeUser Bot { get; }

    public FakeProject Project { get; }

    public FakeMergeRequest MergeRequest { get; }

    public FakeLinearTeam Team { get; }

    public FakeLinearIssue Cancel { get; }

    public FakeLinearIssue Refund { get; }

    /// <summary>The notes on the merge request that carry the marker.</summary>
    public IReadOnlyList<FakeNote> MarkedNotes =>
        [.. MergeRequest.Discussions.SelectMany(d => d.Notes).Where(n => n.Body.Contains(Reports.Analysis.TicketNotice.Marker, StringComparison.Ordinal))];

    public static async Task<NotifyScenario> StartAsync() => new(await FakeGitLab.StartAsync(), await FakeLinear.StartAsync());

    public async Task<NotifyResult> RunAsync(
        bool dryRun = false, bool skipWhenEmpty = false, string token = BotToken, GitLabClientOptions? options = null, FakeMergeRequest? mr = null)
    {
        using var gitlab = FastClient.For(GitLab, (options ?? FastClient.Options) with { TokenScope = GitLabClientOptions.WriteScope }, token);
        using var linear = FastLinear.For(Linear);
        var notifier = new TicketNotifier(gitlab, linear, Renderer, ["SIRA"], skipWhenEmpty);
        var target = new NotifyTarget(GitLab.BaseUrl, Project.Path, (mr ?? MergeRequest).Iid);
        return await notifier.RunAsync(target, dryRun);
    }

    /// <summary>The config a merge request pipeline runs <c>evidence notify</c> with, written to <c>evidence.yml</c> in <paramref name="work"/>.</summary>
    public string WriteCiConfig(TempDirectory work) => work.Write("evidence.yml", $"""
        gitlab:
          timeout_seconds: 5
        linear:
          url: {Linear.Url}
          api_key_env: NOTIFY_TEST_LINEAR_KEY
          teams: [SIRA]
          timeout_seconds: 5
        notify:
          token_env: NOTIFY_TEST_BOT_TOKEN
        """);

    /// <summary>What GitLab CI sets in a merge request pipeline, and the masked variables.</summary>
    public Dictionary<string, string> CiEnvironment() => new()
    {
        ["CI_API_V4_URL"] = $"{GitLab.BaseUrl}api/v4",
        ["CI_MERGE_REQUEST_PROJECT_ID"] = Project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CI_PROJECT_ID"] = "999999",
        ["CI_MERGE_REQUEST_IID"] = MergeRequest.Iid.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NOTIFY_TEST_BOT_TOKEN"] = BotToken,
        ["NOTIFY_TEST_LINEAR_KEY"] = FakeLinear.DefaultApiKey,
    };

    public static TicketNoteRenderer Renderer { get; } = new(new TemplateEngine(new TemplateRoots(TemplateRoots.ShippedDirectory)));

    public async ValueTask DisposeAsync()
    {
        await GitLab.DisposeAsync();
        await Linear.DisposeAsync();
    }
}
