using Reports.Cli;
using Reports.Fakes;
using Reports.Tests.Support;

namespace Reports.Tests.Notify;

/// <summary>
/// <c>evidence notify</c> through the command line when GitLab redirects: the bot's <c>api</c>-scope
/// token and the note never reach a second host (a real server on another port that records every
/// request), and a redirect within GitLab's own origin still posts exactly one note.
/// </summary>
public sealed class NotifyRedirectTests : IAsyncLifetime
{
    private readonly TempDirectory _work = new();
    private NotifyScenario _s = null!;
    private RecordingHost _other = null!;
    private Dictionary<string, string> _environment = null!;

    private string ConfigPath => _work.Combine("evidence.yml");

    private string NotesPath => $"api/v4/projects/{_s.Project.Id}/merge_requests/{_s.MergeRequest.Iid}/notes";

    public async Task InitializeAsync()
    {
        _s = await NotifyScenario.StartAsync();
        _other = await RecordingHost.StartAsync();
        _s.WriteCiConfig(_work);
        _environment = _s.CiEnvironment();
    }

    public async Task DisposeAsync()
    {
        await _s.DisposeAsync();
        await _other.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task A_307_of_the_new_note_to_another_host_exits_2_and_that_host_gets_neither_the_token_nor_the_note()
    {
        _s.GitLab.Fail("/notes", FakeFault.Redirect(307, _other.Url(NotesPath)), method: "POST");

        var result = await Notify();

        Assert.Equal((int)ExitCode.RemoteFailure, result.ExitCode);
        var line = ErrorLine(result);
        Assert.Contains($"answered POST /{NotesPath} with 307 Temporary Redirect, a redirect to another host ({_other.Authority})", line, StringComparison.Ordinal);
        Assert.Contains($"gitlab.url must point at the API's real host, e.g. http://{_other.Authority}", line, StringComparison.Ordinal);
        Assert.Empty(_other.Requests);
        Assert.Empty(_s.MarkedNotes);
        Assert.Equal(["POST"], _s.GitLab.Writes.Select(w => w.Method));
        Assert.DoesNotContain(NotifyScenario.BotToken, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_308_of_an_edit_to_another_host_exits_2_and_leaves_the_note_as_it_was()
    {
        Assert.Equal(0, (await Notify()).ExitCode);
        var note = Assert.Single(_s.MarkedNotes);
        var before = note.Body;
        _s.Cancel.Title = "Cancel an unpaid invoice";
        _s.GitLab.Fail($"/notes/{note.Id}", FakeFault.Redirect(308, _other.Url($"{NotesPath}/{note.Id}")), method: "PUT");
        _s.GitLab.ResetLog();

        var result = await Notify();

        Assert.Equal((int)ExitCode.RemoteFailure, result.ExitCode);
        Assert.Contains($"answered PUT /{NotesPath}/{note.Id} with 308 Permanent Redirect, a redirect to another host ({_other.Authority})", ErrorLine(result), StringComparison.Ordinal);
        Assert.Empty(_other.Requests);
        Assert.Equal(before, note.Body);
        Assert.Equal(["PUT"], _s.GitLab.Writes.Select(w => w.Method));
    }

    [Fact]
    public async Task A_redirect_of_the_first_read_to_another_host_exits_2_before_anything_is_written()
    {
        _s.GitLab.Fail("/user", FakeFault.Redirect(302, _other.Url("users/sign_in")));

        var result = await Notify();

        Assert.Equal((int)ExitCode.RemoteFailure, result.ExitCode);
        Assert.Contains($"answered GET /api/v4/user with 302 Found, a redirect to another host ({_other.Authority})", ErrorLine(result), StringComparison.Ordinal);
        Assert.Empty(_other.Requests);
        Assert.Empty(_s.GitLab.Writes);
    }

    [Fact]
    public async Task A_307_of_the_new_note_within_GitLab_s_origin_is_followed_and_posts_one_note()
    {
        _s.GitLab.Fail("/notes", FakeFault.Redirect(307, new Uri(_s.GitLab.BaseUrl, NotesPath)), method: "POST");

        var result = await Notify();

        Assert.Equal(0, result.ExitCode);
        Assert.Single(_s.MarkedNotes);
        Assert.Equal([307, 201], _s.GitLab.Writes.Select(w => w.Status));
        Assert.Empty(_other.Requests);
    }

    private Task<CliResult> Notify() => EvidenceCli.RunAsync(_environment, "notify", "--config", ConfigPath);

    private static string ErrorLine(CliResult result) => Assert.Single(result.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
}
