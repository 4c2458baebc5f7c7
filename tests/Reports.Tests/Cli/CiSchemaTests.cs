using System.Text.Json;
using Json.Schema;
using Reports.Tests.Support;
using YamlDotNet.Serialization;

namespace Reports.Tests.Cli;

/// <summary>
/// Every <c>.gitlab-ci.yml</c> block of the README and docs/ is valid against GitLab's own schema
/// (<c>Data/gitlab/ci.schema.json</c>, vendored unmodified), so a misspelt key fails CI; and beside it,
/// the rules the schema cannot express: a pipeline never consists of <c>.pre</c>/<c>.post</c> jobs only
/// (GitLab does not create it), stages, <c>needs</c> and <c>extends</c> name what exists, <c>pages</c>
/// publishes <c>public</c>, every build runs <c>evidence check</c> first, and the notifier serialises
/// its runs per merge request in merge request pipelines.
/// </summary>
public sealed class CiSchemaTests
{
    private static readonly string[] DefaultStages = [".pre", "build", "test", "deploy", ".post"];

    private static readonly string[] GlobalKeywords = ["default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "spec"];

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Reports.Tests", "Data", "gitlab", "ci.schema.json"))));

    public static TheoryData<string, int> Recipes()
    {
        var data = new TheoryData<string, int>();
        foreach (var group in CiFences().GroupBy(f => f.Page))
        {
            var i = 0;
            foreach (var _ in group)
            {
                data.Add(group.Key, i++);
            }
        }

        return data;
    }

    [Fact]
    public void The_docs_hold_the_release_the_one_team_the_course_and_the_notifier_recipes()
    {
        Assert.True(CiFences().Count() >= 4, string.Join(", ", CiFences().Select(f => f.Page)));
        Assert.Contains(CiFences(), f => f.Page == "docs/notify.md");
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void The_recipe_is_valid_against_gitlabs_ci_schema(string page, int index)
    {
        var yaml = Fence(page, index);
        using var instance = JsonDocument.Parse(YamlAsJson.Convert(yaml));

        var result = Schema.Value.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        var errors = Flatten(result).SelectMany(r => (r.Errors ?? new Dictionary<string, string>()).Select(e => $"{r.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{page} recipe {index} is not valid against GitLab's ci.schema.json: {string.Join("; ", errors.Take(10))}");
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void The_recipe_keeps_the_rules_the_schema_cannot_express(string page, int index)
    {
        var recipe = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(Fence(page, index));
        var jobs = Jobs(recipe);
        var stages = recipe.GetValueOrDefault("stages") is List<object> declared
            ? [".pre", .. declared.Cast<string>(), ".post"]
            : DefaultStages;

        var visible = jobs.Where(j => !j.Key.StartsWith('.')).ToList();
        Assert.NotEmpty(visible);
        Assert.Contains(visible, j => Stage(jobs, j.Key) is not (".pre" or ".post"));
        foreach (var (name, _) in jobs)
        {
            Assert.True(stages.Contains(Stage(jobs, name)), $"{page}: job {name} is in stage '{Stage(jobs, name)}', which the pipeline does not have");
            foreach (var parent in Extends(jobs[name]))
            {
                Assert.True(jobs.ContainsKey(parent), $"{page}: job {name} extends '{parent}', which is not a job of the recipe");
            }

            foreach (var need in Needs(jobs[name]))
            {
                Assert.True(jobs.ContainsKey(need) && !need.StartsWith('.'), $"{page}: job {name} needs '{need}', which is not a job of the recipe");
            }
        }

        if (jobs.TryGetValue("pages", out var pages))
        {
            var paths = (Value(jobs, "pages", "artifacts") as Dictionary<object, object>)?.GetValueOrDefault("paths") as List<object>;
            Assert.True(paths?.Contains("public") == true, $"{page}: the pages job does not publish public/");
        }
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Every_job_that_builds_runs_evidence_check_first(string page, int index)
    {
        var jobs = Jobs(new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(Fence(page, index)));
        foreach (var name in jobs.Keys.Where(n => !n.StartsWith('.')))
        {
            var lines = Script(jobs, name);
            var build = lines.FindIndex(l => l.Contains("evidence build", StringComparison.Ordinal));
            if (build < 0)
            {
                continue;
            }

            var check = lines.FindIndex(l => l.Contains("evidence check", StringComparison.Ordinal));
            Assert.True(check >= 0 && check < build, $"{page}: job {name} builds without running 'evidence check' first");
        }
    }

    [Fact]
    public void The_notifier_runs_in_merge_request_pipelines_in_a_normal_stage_one_run_per_merge_request_at_a_time()
    {
        var recipe = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(Assert.Single(CiFences(), f => f.Page == "docs/notify.md").Code);
        var jobs = Jobs(recipe);
        var (name, job) = Assert.Single(jobs, j => Script(jobs, j.Key).Any(l => l.Contains("evidence notify", StringComparison.Ordinal)));

        Assert.DoesNotContain(Stage(jobs, name), new[] { ".pre", ".post" });
        Assert.Equal("notify-$CI_MERGE_REQUEST_IID", Value(jobs, name, "resource_group"));
        var rules = Assert.IsType<List<object>>(Value(jobs, name, "rules")).Cast<Dictionary<object, object>>();
        Assert.Contains(rules, r => (r.GetValueOrDefault("if") as string)?.Contains("$CI_PIPELINE_SOURCE == \"merge_request_event\"", StringComparison.Ordinal) == true);
        Assert.Contains("workflow:rules", DocPages.All.Single(p => p.Path == "docs/notify.md").Text, StringComparison.Ordinal);
    }

    /// <summary>The YAML fences that are GitLab CI files: a mapping with at least one job that has a script.</summary>
    private static IEnumerable<(string Page, string Code)> CiFences() =>
        DocPages.Fences()
            .Where(f => f.Info == "yaml")
            .Where(f => new DeserializerBuilder().Build().Deserialize<object>(f.Code) is Dictionary<object, object> yaml
                && yaml.Values.OfType<Dictionary<object, object>>().Any(job => job.ContainsKey("script")))
            .Select(f => (f.Page, f.Code));

    private static string Fence(string page, int index) => CiFences().Where(f => f.Page == page).ElementAt(index).Code;

    private static Dictionary<string, Dictionary<object, object>> Jobs(Dictionary<object, object> recipe) =>
        recipe.Where(kv => kv.Value is Dictionary<object, object> && !GlobalKeywords.Contains((string)kv.Key))
            .ToDictionary(kv => (string)kv.Key, kv => (Dictionary<object, object>)kv.Value);

    /// <summary>A job's own value of <paramref name="key"/>, or the first of the jobs it extends.</summary>
    private static object? Value(Dictionary<string, Dictionary<object, object>> jobs, string name, string key) =>
        jobs[name].TryGetValue(key, out var value) ? value
        : Extends(jobs[name]).Where(jobs.ContainsKey).Select(p => Value(jobs, p, key)).FirstOrDefault(v => v is not null);

    private static string Stage(Dictionary<string, Dictionary<object, object>> jobs, string name) => Value(jobs, name, "stage") as string ?? "test";

    private static List<string> Script(Dictionary<string, Dictionary<object, object>> jobs, string name) =>
        [.. new[] { "before_script", "script" }.SelectMany(k => (Value(jobs, name, k) as List<object>)?.Cast<string>() ?? [])];

    private static IEnumerable<string> Extends(Dictionary<object, object> job) => job.GetValueOrDefault("extends") switch
    {
        string one => [one],
        List<object> many => many.Cast<string>(),
        _ => [],
    };

    private static IEnumerable<string> Needs(Dictionary<object, object> job) =>
        (job.GetValueOrDefault("needs") as List<object> ?? []).Select(n => n as string ?? (string)((Dictionary<object, object>)n)["job"]);

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results) =>
        (results.Details ?? []).SelectMany(Flatten).Prepend(results);
}
