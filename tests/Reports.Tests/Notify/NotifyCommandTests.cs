using System.Text.RegularExpressions;
using Reports.Cli;
using Reports.Config;
using Reports.Fakes;
using Reports.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Reports.Tests.Notify;

/// <summary><c>evidence notify</c> through the command line, as a merge request pipeline runs it, against the fakes.</summary>
public sealed partial class NotifyCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _work = new();
    private NotifyScenario _s = null!;
    private Dictionary<string, string> _environment = null!;

    private string ConfigPath => _work.Combine("evidence.yml");

    public async Task InitializeAsync()
    {
        _s = await NotifyScenario.StartAsync();
        _s.WriteCiConfig(_work);
        _environment = _s.CiEnvironment();
    }

    public async Task DisposeAsync()
    {
        await _s.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task Three_pipeline_runs_post_one_note_then_find_it_unchanged()
    {
        var runs = new List<CliResult>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await EvidenceCli.RunAsync(_environment, "notify", "--config", ConfigPath));
        }

        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        var note = Assert.Single(_s.MarkedNotes);
        Assert.StartsWith($"created a note on merge request !1 of {_s.Project.Id} listing 2 ticket(s): SIRA-125, SIRA-214: ", runs[0].Output, StringComparison.Ordinal);
        Assert.Contains($"#note_{note.Id}", runs[0].Output, StringComparison.Ordinal);
        Assert.All(runs.Skip(1), r => Assert.StartsWith($"note {note.Id} on merge request !1", r.Output, StringComparison.Ordinal));
        Assert.All(runs.Skip(1), r => Assert.Contains("nothing sent", r.Output, StringComparison.Ordinal));
        Assert.Equal(["POST"], _s.GitLab.Writes.Select(w => w.Method));
        Assert.All(runs, r => Assert.DoesNotContain(NotifyScenario.BotToken, r.Output + r.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_note_of_the_bot_is_deleted_and_named_on_the_line_that_says_what_was_done()
    {
        await EvidenceCli.RunAsync(_environment, "notify", "--config", ConfigPath);
        var note = _s.MarkedNotes.Single();
        var duplicate = _s.MergeRequest.AddNote(_s.Bot, note.Body, DateTimeOffset.UtcNow.AddMinutes(1)).Notes[0];

        var dryRun = await EvidenceCli.RunAsync(_environment, "notify", "--config", ConfigPath, "--dry-run");
        var result = await EvidenceCli.RunAsync(_environment, "notify", "--config", ConfigPath);

        Assert.Equal((0, 0), (dryRun.ExitCode, result.ExitCode));
        Assert.Contains(
            $"note {note.Id} on merge request !1 of {_s.Project.Id} already lists 2 ticket(s): SIRA-125, SIRA-214; dry run, nothing sent: would have deleted note(s) {duplicate.Id}, duplicates of note {note.Id}: ",
            dryRun.Error,
            StringComparison.Ordinal);
        Assert.StartsWith(
            $"note {note.Id} on merge request !1 of {_s.Project.Id} already lists 2 ticket(s): SIRA-125, SIRA-214; deleted note(s) {duplicate.Id}, duplicates of note {note.Id}: ",
            result.Output,
            StringComparison.Ordinal);
        Assert.Equal([note], _s.MarkedNotes);
    }

    [Fact]
    public async Task Dry_run_prints_the_note_and_sends_nothing()
    {
        var result = await EvidenceCli.RunAsync(_environment, "notify", "--config", ConfigPath, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(Reports.Analysis.TicketNotice.Marker, result.Output, StringComparison.Ordinal);
        Assert.Contains("| Cancel invoice | In Progress |", result.Output, StringComparison.Ordinal);
        Assert.Contains("dry run, nothing sent: would have created a note", result.Error, StringComparison.Ordinal);
        Assert.Empty(_s.GitLab.Writes);
    }

    [Fact]
    public async Task Flags_override_the_CI_variables()
    {
        var other = _s.GitLab.AddMergeRequest(_s.Project, _s.Author, m => { m.Title = "SIRA-214 refunds"; m.SourceBranch = "refunds"; });

        var result = await EvidenceCli.RunAsync(_environment, "notify", "--config", ConfigPath, "--mr", "2", "--project", "ppl/sira-backend");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("merge request !2 of ppl/sira-backend listing 1 ticket(s): SIRA-214", result.Output, StringComparison.Ordinal);
        Assert.Single(other.Discussions);
        Assert.Empty(_s.MergeRequest.Discussions);
    }

    [Fact]
    public async Task A_Linear_failure_exits_2_and_posts_nothing()
    {
        _s.Linear.Fail(FakeFault.Json(401, """{"errors":[{"message":"Authentication required, not authenticated","extensions":{"code":"AUTHENTICATION_ERROR"}}]}"""));

        var result = await EvidenceCli.RunAsync(_environment, "notify", "--config", ConfigPath);

        Assert.Equal((int)ExitCode.RemoteFailure, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Empty(_s.GitLab.Writes);
        Assert.DoesNotContain(FakeLinear.DefaultApiKey, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_a_merge_request_pipeline_it_says_which_flag_to_pass()
    {
        _environment.Remove("CI_MERGE_REQUEST_IID");

        var result = await EvidenceCli.RunAsync(_environment, "notify", "--config", ConfigPath);

        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("no merge request: pass --mr IID", result.Error, StringComparison.Ordinal);
        Assert.Empty(_s.GitLab.Requests);
    }

    [Fact]
    public async Task Without_the_bot_token_it_names_the_variable_and_the_api_scope()
    {
        _environment.Remove("NOTIFY_TEST_BOT_TOKEN");

        var result = await EvidenceCli.RunAsync(_environment, "notify", "--config", ConfigPath);

        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("set the environment variable NOTIFY_TEST_BOT_TOKEN to a token with the api scope", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_job_runs_notify_in_merge_request_pipelines_only()
    {
        var section = SetupSection();
        var blocks = YamlBlockRegex().Matches(section).Select(m => Regex.Replace(m.Groups["yaml"].Value, "^   ", "", RegexOptions.Multiline)).ToList();
        var job = blocks.Single(b => b.Contains("script:", StringComparison.Ordinal));

        var yaml = new YamlStream();
        yaml.Load(new StringReader(job));
        var (name, body) = ((YamlMappingNode)yaml.Documents[0].RootNode).Children.Single();
        var mapping = (YamlMappingNode)body;
        var script = ((YamlSequenceNode)mapping["script"]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
        var rules = (YamlSequenceNode)mapping["rules"];

        Assert.Equal("linear-tickets", ((YamlScalarNode)name).Value);
        Assert.Equal("$CI_PIPELINE_SOURCE == \"merge_request_event\"", ((YamlScalarNode)((YamlMappingNode)Assert.Single(rules.Children))["if"]).Value);
        var notify = script.Single(line => line.StartsWith(".tools/evidence notify", StringComparison.Ordinal));
        Assert.Empty(EvidenceCommand.Create().Parse(notify[".tools/evidence ".Length..]).Errors);
        Assert.Empty(EvidenceCommand.Create().Parse("notify --mr 5 --project ppl/sira-backend --dry-run").Errors);
        Assert.Contains("notify --mr 5 --project ppl/sira-backend --dry-run", section, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_config_is_a_valid_notify_config_in_a_merge_request_pipeline()
    {
        var config = YamlBlockRegex().Matches(SetupSection())
            .Select(m => Regex.Replace(m.Groups["yaml"].Value, "^   ", "", RegexOptions.Multiline))
            .Single(b => b.Contains("notify:", StringComparison.Ordinal));
        _work.Write("documented.yml", config);

        var loaded = ConfigLoader.Load(_work.Combine("documented.yml"), ConfigPurpose.Notify, name => name == "CI_API_V4_URL" ? "https://gitlab.example.com/api/v4" : null);

        Assert.Equal("SIRABOT_TOKEN", loaded.Notify!.TokenEnv);
        Assert.Equal(["SIRA"], loaded.Linear!.Teams);
        Assert.Equal(new Uri("https://gitlab.example.com/"), loaded.GitLab.Url);
    }

    /// <summary>The setup section of docs/notify.md, which holds the config and the CI job.</summary>
    private static string SetupSection()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "notify.md"));
        var start = page.IndexOf("## Setting it up", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/notify.md has no 'Setting it up' section");
        var end = page.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.Length : end)];
    }

    [GeneratedRegex(@"```yaml\n(?<yaml>.*?)\n\s*```", RegexOptions.Singleline)]
    private static partial Regex YamlBlockRegex();
}
