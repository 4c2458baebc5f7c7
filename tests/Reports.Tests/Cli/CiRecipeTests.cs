using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Reports.Cli;
using Reports.Tests.Support;
using YamlDotNet.Serialization;

namespace Reports.Tests.Cli;

/// <summary>
/// The GitLab CI recipes of the README and the docs, parsed as YAML and checked as GitLab and a shell would read them:
/// the release job packs this CLI and pushes it to the project's own NuGet registry on tags, every
/// job that runs evidence installs it from such a registry, the course recipe builds each team in a
/// matrix job into <c>public/TEAM/</c> and publishes them together, and every evidence command parses.
/// </summary>
public sealed partial class CiRecipeTests
{
    private const string RegistryUrl = "${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/nuget/index.json";

    private static readonly IReadOnlyList<Dictionary<object, object>> Recipes = [.. DocPages.Fences()
        .Where(f => f.Info == "yaml")
        .Select(f => new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(f.Code))
        .Where(yaml => yaml.Values.OfType<Dictionary<object, object>>().Any(job => job.ContainsKey("script")))];

    private static readonly XElement CliProject = XElement.Load(Path.Combine(RepoPaths.Root, "src", "Reports.Cli", "Reports.Cli.csproj"));

    private static string PackageId => Property("PackageId");

    private static Dictionary<object, object> Release => Assert.Single(Recipes, r => r.ContainsKey("release"));

    private static Dictionary<object, object> Course => Assert.Single(Recipes, r => JobNames(r).Any(j => Map(Job(r, j), "parallel") is not null));

    private static Dictionary<object, object> OneTeam => Assert.Single(Recipes, r => r.ContainsKey("pages") && r != Course);

    [Fact]
    public void The_cli_packs_as_the_evidence_tool()
    {
        Assert.Equal("true", Property("PackAsTool"));
        Assert.Equal("evidence", Property("ToolCommandName"));
        Assert.Equal("Evidence.Reports", PackageId);
    }

    [Fact]
    public void Release_job_runs_on_version_tags_and_pushes_the_packed_tool_to_the_projects_registry()
    {
        var job = Job(Release, "release");
        var rule = Assert.Single(List(job, "rules")!.Cast<Dictionary<object, object>>());
        Assert.StartsWith("$CI_COMMIT_TAG =~ ", (string)rule["if"]);
        Assert.Matches(new Regex(((string)rule["if"])["$CI_COMMIT_TAG =~ /".Length..^1]), "v1.2.3");

        var commands = Commands(job);
        var pack = Assert.Single(commands, c => c.Take(2).SequenceEqual(["dotnet", "pack"]));
        Assert.Equal("src/Reports.Cli", pack[2]);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, pack[2], "Reports.Cli.csproj")));
        var output = After(pack, "-o");
        Assert.Equal("-p:Version=${CI_COMMIT_TAG#v}", Assert.Single(pack, a => a.StartsWith("-p:Version=", StringComparison.Ordinal)));

        var source = AddedSource(commands, RegistryUrl);
        var push = Assert.Single(commands, c => c.Take(3).SequenceEqual(["dotnet", "nuget", "push"]));
        Assert.Equal($"{output}/{PackageId}.*.nupkg", push[3]);
        Assert.Equal(source, After(push, "--source"));
        Assert.True(commands.IndexOf(pack) < commands.IndexOf(push));
    }

    [Fact]
    public void Every_job_that_runs_evidence_installs_the_tool_from_a_gitlab_projects_registry_first()
    {
        var checkedJobs = 0;
        foreach (var recipe in Recipes.Where(r => r != Release))
        {
            foreach (var name in JobNames(recipe))
            {
                var commands = Commands(Job(recipe, name));
                var runs = commands.Where(c => EvidenceRun().IsMatch(c[0])).ToList();
                if (runs.Count == 0)
                {
                    continue;
                }

                var source = AddedSource(commands, "${CI_API_V4_URL}/projects/${EVIDENCE_PROJECT_ID}/packages/nuget/index.json");
                Assert.NotNull(Variable(recipe, name, "EVIDENCE_PROJECT_ID"));
                var install = Assert.Single(commands, c => c.Take(3).SequenceEqual(["dotnet", "tool", "install"]));
                Assert.Equal(PackageId, install[3]);
                Assert.Equal("$EVIDENCE_VERSION", After(install, "--version"));
                Assert.NotNull(Variable(recipe, name, "EVIDENCE_VERSION"));
                var toolPath = After(install, "--tool-path");
                Assert.True(commands.FindIndex(c => c.Contains(source)) < commands.IndexOf(install));
                Assert.All(runs, run =>
                {
                    Assert.Equal($"{toolPath}/evidence", run[0]);
                    Assert.True(commands.IndexOf(install) < commands.IndexOf(run), $"{name} runs evidence before installing it");
                });
                checkedJobs++;
            }
        }

        // The one-team pages job, the course's team-site and pages jobs, and the notifier.
        Assert.Equal(4, checkedJobs);
    }

    [Fact]
    public void Every_evidence_command_in_the_recipes_parses_with_the_real_command_line()
    {
        var lines = Recipes.SelectMany(r => JobNames(r).Where(n => !n.StartsWith('.')).SelectMany(n => Commands(Job(r, n))))
            .Where(c => EvidenceRun().IsMatch(c[0]))
            .ToList();

        // check and build in the one-team and team-site jobs, course-index, notify.
        Assert.Equal(6, lines.Count);
        foreach (var command in lines)
        {
            // Variables as the shell would give them, e.g. TEAM from the matrix.
            var arguments = command.Skip(1).Select(a => ShellVariable().Replace(a, "team")).ToArray();
            var parse = EvidenceCommand.Create().Parse(arguments);
            Assert.True(parse.Errors.Count == 0, $"{string.Join(' ', command)}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public void One_team_recipe_builds_every_week_into_public_and_publishes_it_from_the_default_branch()
    {
        var job = Job(OneTeam, "pages");

        var build = Assert.Single(Commands(job), c => EvidenceRun().IsMatch(c[0]) && c[1] == "build");
        Assert.Equal("build", build[1]);
        Assert.Contains("--all-weeks", build);
        Assert.Equal("public", After(build, "--out"));
        Assert.Equal(["public"], Strings(Map(job, "artifacts")!, "paths"));
        Assert.Equal("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", Assert.Single(RuleConditions(job)));
    }

    [Fact]
    public void Course_recipe_builds_each_team_in_a_matrix_job_into_its_own_folder_of_public()
    {
        var builds = JobNames(Course).Where(n => Map(Job(Course, n), "parallel") is not null).ToList();
        var job = Job(Course, Assert.Single(builds));

        var matrix = Assert.Single(List(Map(job, "parallel")!, "matrix")!.Cast<Dictionary<object, object>>());
        Assert.True(Strings(matrix, "TEAM").Count >= 2);
        var build = Assert.Single(Commands(job), c => EvidenceRun().IsMatch(c[0]) && c[1] == "build");
        Assert.Equal("build", build[1]);
        Assert.Contains("--all-weeks", build);
        Assert.Equal("evidence.yml", After(build, "--config"));
        Assert.Equal("$TEAM", After(build, "--team"));
        Assert.Equal("public", After(build, "--out"));
        var paths = Strings(Map(job, "artifacts")!, "paths");
        Assert.All(paths, p => Assert.StartsWith("public/$TEAM", p));
        Assert.Equal("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", Assert.Single(RuleConditions(job)));
    }

    [Fact]
    public void Course_pages_job_needs_every_team_build_and_publishes_public_with_the_course_index()
    {
        var pages = Job(Course, "pages");
        var writers = JobNames(Course)
            .Where(n => n != "pages" && !n.StartsWith('.'))
            .Where(n => Map(Job(Course, n), "artifacts") is { } a && Strings(a, "paths").Any(p => p.StartsWith("public", StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(writers);
        var needs = List(pages, "needs")!.Select(n => n is string s ? s : (string)((Dictionary<object, object>)n)["job"]).ToList();
        Assert.All(writers, w => Assert.Contains(w, needs));
        Assert.Equal(["public"], Strings(Map(pages, "artifacts")!, "paths"));
        var index = Assert.Single(Commands(pages), c => EvidenceRun().IsMatch(c[0]));
        Assert.Equal("course-index", index[1]);
        Assert.Equal("public", After(index, "--site"));
        Assert.Equal("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", Assert.Single(RuleConditions(pages)));
    }

    private static string Property(string name) =>
        CliProject.Descendants(name).Select(e => e.Value).FirstOrDefault() ?? throw new InvalidOperationException($"no <{name}> in Reports.Cli.csproj");

    /// <summary>The name a <c>dotnet nuget add source URL --name NAME</c> gave the registry, with GitLab's job-token login.</summary>
    private static string AddedSource(List<string[]> commands, string url)
    {
        var add = Assert.Single(commands, c => c.Take(4).SequenceEqual(["dotnet", "nuget", "add", "source"]));
        Assert.Equal(url, add[4]);
        Assert.Equal("gitlab-ci-token", After(add, "--username"));
        Assert.Equal("$CI_JOB_TOKEN", After(add, "--password"));
        Assert.Contains("--store-password-in-clear-text", add);
        return After(add, "--name");
    }

    private static string After(string[] command, string option)
    {
        var at = Array.IndexOf(command, option);
        Assert.True(at >= 0 && at + 1 < command.Length, $"'{string.Join(' ', command)}' has no {option}");
        return command[at + 1];
    }

    private static IEnumerable<string> JobNames(Dictionary<object, object> recipe) =>
        recipe.Where(kv => kv.Value is Dictionary<object, object> && (string)kv.Key is not "variables" and not "default" and not "stages").Select(kv => (string)kv.Key);

    /// <summary>A job with the keys of the job it <c>extends</c> that it does not set itself.</summary>
    private static Dictionary<object, object> Job(Dictionary<object, object> recipe, string name)
    {
        var job = new Dictionary<object, object>((Dictionary<object, object>)recipe[name]);
        if (job.TryGetValue("extends", out var extends))
        {
            var parents = extends is string one ? [one] : ((List<object>)extends).Cast<string>().ToList();
            foreach (var parent in parents.AsEnumerable().Reverse())
            {
                foreach (var (key, value) in Job(recipe, parent).Where(kv => !job.ContainsKey(kv.Key)))
                {
                    job[key] = value;
                }
            }
        }

        return job;
    }

    private static string? Variable(Dictionary<object, object> recipe, string job, string name) =>
        (Map(Job(recipe, job), "variables")?.GetValueOrDefault(name) ?? Map(recipe, "variables")?.GetValueOrDefault(name)) as string;

    private static IEnumerable<string> RuleConditions(Dictionary<object, object> job) =>
        List(job, "rules")!.Cast<Dictionary<object, object>>().Select(r => (string)r["if"]);

    /// <summary>The job's <c>before_script</c> then <c>script</c>, each line split into words as a shell splits them.</summary>
    private static List<string[]> Commands(Dictionary<object, object> job) =>
        [.. new[] { "before_script", "script" }.SelectMany(k => List(job, k) ?? [])
            .Select(line => line as string ?? throw new Xunit.Sdk.XunitException($"a script line YAML reads as {line.GetType().Name}, not text (a ': ' in it?); quote the line"))
            .Select(Words)];

    private static Dictionary<object, object>? Map(Dictionary<object, object> node, string key) =>
        node.GetValueOrDefault(key) as Dictionary<object, object>;

    private static List<object>? List(Dictionary<object, object> node, string key) => node.GetValueOrDefault(key) as List<object>;

    private static List<string> Strings(Dictionary<object, object> node, string key) => [.. List(node, key)!.Cast<string>()];

    /// <summary>Words as POSIX sh splits a simple command: quotes group and are removed; variables stay as written.</summary>
    private static string[] Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        Assert.Null(quote);
        if (inWord)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    [GeneratedRegex(@"(^|/)evidence$")]
    private static partial Regex EvidenceRun();

    [GeneratedRegex(@"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?")]
    private static partial Regex ShellVariable();
}
