using Reports.Fakes;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// A course of three teams on one fake GitLab, described by one config and a roster CSV: <c>sira</c>
/// (three students, one of whom has a hostile display name and does nothing), <c>kopi</c> (two students,
/// its own project read with its own token) and <c>lumbung</c> (one student, no activity at all), over
/// Sprint 2's two weeks (2025-03-24 to 2025-04-06, Asia/Jakarta). The weeks' facts are chosen to be checked by hand:
/// week 1 of sira has three merges, all by abhipraya, one with no review by anyone else, one approved
/// without a comment; an MR title starts with <c>=</c>, as a spreadsheet formula would, and so does
/// the name of eka's tutor (<see cref="HostileTutor"/>).
/// </summary>
public sealed class CourseScenario : IAsyncLifetime
{
    public const string HostileName = "<img src=x onerror=alert(1)>";
    public const string FormulaTitle = "=HYPERLINK(\"http://evil.example/\",\"fix\")";
    public const string FormulaName = "=1+1 Eka";

    /// <summary>Eka's tutor: a formula, markup and a right-to-left override, as a lecturer's spreadsheet could hold.</summary>
    public const string HostileTutor = "=HYPERLINK(\"http://evil.example/\",\"<script>alert(1)</script>\") \u202Egnp.exe <img src=x onerror=alert(1)>";

    /// <summary>The tutor view of <see cref="HostileTutor"/>: the name's ASCII letters and digits, lower-case, joined by <c>-</c>.</summary>
    public const string HostileTutorPage = "tutor/hyperlink-http-evil-example-script-alert-1-script-gnp-exe-img-sr.html";

    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);

    private readonly TempDirectory _work = new();
    private readonly string _tokenEnv = "EVIDENCE_COURSE_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _kopiTokenEnv = "EVIDENCE_KOPI_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public FakeGitLab Fake { get; private set; } = null!;

    /// <summary>The project of the team listed last in the config.</summary>
    public FakeProject Lumbung { get; private set; } = null!;

    public string Folder => _work.Path;

    public string Config => _work.Combine("evidence.yml");

    public string Combine(params string[] parts) => _work.Combine(parts);

    /// <summary>Two days after the course's second week ended: both weeks complete.</summary>
    public static DateTimeOffset AfterBothWeeks => At(8, 12, month: 4);

    public async Task InitializeAsync()
    {
        Fake = await FakeGitLab.StartAsync();
        var abhipraya = Fake.AddUser("abhipraya", "Abhipraya");
        var froklax = Fake.AddUser("froklax", "Froklax");
        var dimas = Fake.AddUser("dimas", "Dimas");
        var eka = Fake.AddUser("eka", "Eka");
        Fake.AddUser("citra", HostileName);
        Fake.AddUser("fajar", "Fajar");
        var sira = Fake.AddProject("ppl/sira");
        var kopi = Fake.AddProject("ppl/kopi");
        Lumbung = Fake.AddProject("ppl/lumbung");

        // sira, week 1: abhipraya merges all three of the team's merges.
        var cancel = Fake.AddMergeRequest(sira, froklax, m => { m.Title = "Cancel invoice"; m.CreatedAt = At(24, 9); });
        cancel.AddThread(abhipraya, "**P0**: CANCELED invoices can still be edited", At(25, 10));
        cancel.AddCommit("abhipraya@example.com", "address review feedback", At(27, 21));
        cancel.Merge(abhipraya, At(28, 15));
        var formula = Fake.AddMergeRequest(sira, abhipraya, m => { m.Title = FormulaTitle; m.CreatedAt = At(24, 11); });
        formula.AddThread(froklax, "P2: name the refund states", At(26, 10));
        formula.ApprovedBy.Add(froklax);
        formula.Merge(abhipraya, At(29, 16));
        var alone = Fake.AddMergeRequest(sira, abhipraya, m => { m.Title = "Self-merged config"; m.CreatedAt = At(30, 9); });
        alone.Merge(abhipraya, At(30, 22));

        // sira, week 2: froklax reviews on the last day only.
        var refund = Fake.AddMergeRequest(sira, abhipraya, m => { m.Title = "Refund flow"; m.CreatedAt = At(31, 9); });
        refund.AddThread(froklax, "P1: a refund can exceed the payment", At(6, 10, month: 4));
        refund.AddThread(froklax, "P3: typo in the log line", At(6, 11, month: 4));
        refund.AddThread(froklax, "question: why two queries?", At(6, 12, month: 4));

        // kopi, week 1: dimas approves without a comment and merges eka's merge request.
        var menu = Fake.AddMergeRequest(kopi, eka, m => { m.Title = "Menu page"; m.CreatedAt = At(24, 9); });
        menu.ApprovedBy.Add(dimas);
        menu.Merge(dimas, At(27, 14));

        Fake.AddToken("kopi-token", dimas);
        Environment.SetEnvironmentVariable(_tokenEnv, Fake.Token);
        Environment.SetEnvironmentVariable(_kopiTokenEnv, "kopi-token");
        _work.Write("roster.csv", "\uFEFFusername,name,emails,linear_email,team,tutor\r\n"
            + "abhipraya,Abhipraya,abhipraya@example.com,,sira,Bu Ratna\r\n"
            + "froklax,Froklax,\"froklax@example.com; froklax@students.example.com\",,sira,Bu Ratna\r\n"
            + $"citra,\"{HostileName.Replace("\"", "\"\"", StringComparison.Ordinal)}\",,,sira,Bu Ratna\r\n"
            + "dimas,Dimas,dimas@example.com,,kopi,Bu Ratna\r\n"
            + $"eka,{FormulaName},eka@example.com,,kopi,\"{HostileTutor.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\r\n"
            + "fajar,Fajar,fajar@example.com,,lumbung,Pak Budi\r\n");
        _work.Write("notes/froklax/sprint-2-week-1.md", "## Impact\n\nFroklax's own words.\n");
        _work.Write("evidence.yml", $"""
            course: PPL
            roster: roster.csv
            teams:
              sira: {"{"} projects: [ppl/sira] {"}"}
              kopi: {"{"} projects: [ppl/kopi], token_env: {_kopiTokenEnv} {"}"}
              lumbung: {"{"} projects: [ppl/lumbung] {"}"}
            gitlab:
              url: {Fake.BaseUrl}
              token_env: {_tokenEnv}
            calendar:
              timezone: Asia/Jakarta
              sprints:
                - {"{"} name: Sprint 2, start: 2025-03-24, weeks: 2 {"}"}
            """);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_tokenEnv, null);
        Environment.SetEnvironmentVariable(_kopiTokenEnv, null);
        await Fake.DisposeAsync();
        _work.Dispose();
    }

    public static DateTimeOffset At(int day, int hour, int minute = 0, int month = 3) => new(2025, month, day, hour, minute, 0, Jakarta);
}
