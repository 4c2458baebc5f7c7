using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reports.Config;

/// <summary>Reads <c>evidence.yml</c> into an <see cref="EvidenceConfig"/>; every error names the file, line and key.</summary>
public static partial class ConfigLoader
{
    public const string DefaultFileName = "evidence.yml";

    /// <summary>Loads the config at <paramref name="path"/>; relative paths in it resolve against its folder.</summary>
    /// <exception cref="EvidenceException">The file is missing, unreadable, not YAML, or breaks the configuration contract.</exception>
    public static EvidenceConfig Load(string path)
    {
        var fullPath = string.IsNullOrWhiteSpace(path) ? "" : Path.GetFullPath(path);
        if (fullPath.Length > 0 && Directory.Exists(fullPath))
        {
            throw new EvidenceException($"config file '{path}' is a folder; pass the file itself, e.g. --config {Path.Combine(path, DefaultFileName)}");
        }

        if (!File.Exists(fullPath))
        {
            throw new EvidenceException($"config file '{path}' not found; create one with 'evidence init' or pass --config");
        }

        string text;
        try
        {
            text = ConfigText.Read(fullPath, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvidenceException($"could not read config file '{path}': {e.Message}", ExitCode.LocalIo, e);
        }

        return Parse(text, path, fullPath);
    }

    /// <summary>Maps YAML text; <paramref name="displayPath"/> prefixes errors and <paramref name="fullPath"/> anchors relative paths.</summary>
    internal static EvidenceConfig Parse(string yaml, string displayPath, string fullPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(new Parser(new StringReader(yaml))));
        }
        catch (BoundedYamlParser.LimitException e)
        {
            throw new EvidenceException($"{displayPath}:{e.Start.Line}:{e.Start.Column}: {MarkPrefixRegex().Replace(e.Message, "")}", ExitCode.InvalidInput, e);
        }
        catch (YamlException e)
        {
            throw new EvidenceException(SyntaxErrorMessage(e, yaml, displayPath), ExitCode.InvalidInput, e);
        }

        if (stream.Documents.Count > 1)
        {
            throw new EvidenceException(
                $"{displayPath}:{stream.Documents[1].RootNode.Start.Line}: only one YAML document is allowed; remove the second '---' and what follows");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new EvidenceException(
                $"{displayPath}:1: the file is empty; it needs at least student.username, gitlab.url and gitlab.projects (see 'evidence init')");
        }

        var baseDirectory = Path.GetDirectoryName(fullPath) ?? Directory.GetCurrentDirectory();
        return new ConfigMapper(displayPath, baseDirectory).Map(stream.Documents[0].RootNode, fullPath);
    }

    /// <summary>A commented <c>evidence.yml</c> for <c>evidence init</c>: every key explained in one line, accepted by <see cref="Load"/>.</summary>
    public static string SampleYaml(string username, DateOnly firstSprintStart)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        var user = PlainScalarRegex().IsMatch(username) ? username : $"'{username.Replace("'", "''", StringComparison.Ordinal)}'";
        return $$"""
            # evidence.yml: what 'evidence build' reports on. Secrets never go here, only names of environment variables.
            course: PPL                              # prefix of the report title
            student:                                 # who the report is about
              username: {{user}}{{Pad(user)}}# your GitLab username (required)
              name: {{user}}{{Pad(user, 4)}}# display name in the report
              emails: []                             # your commit author emails (git config user.email), e.g. [you@example.com]
              # linear_email: you@example.com        # your Linear account email, if Linear is used
            gitlab:                                  # where merge requests, reviews and commits are read from
              url: https://gitlab.example.com        # GitLab instance base URL; the API is at {url}/api/v4 (required)
              projects: [group/project]              # full project paths or numeric ids, e.g. [ppl/sira-backend, 42] (required)
              token_env: GITLAB_TOKEN                # name of the environment variable that holds your GitLab token
              bots: []                               # accounts whose notes are automation, not review, e.g. [sirabot]
              concurrency: 8                         # per-merge-request requests in flight at once (1 to 32)
              timeout_seconds: 60                    # a server that stops answering fails the run within this many seconds
            # linear:                                # remove the # on these four lines to report Linear tickets
            #   url: https://api.linear.app/graphql  # Linear GraphQL endpoint
            #   api_key_env: LINEAR_API_KEY          # name of the environment variable that holds your Linear API key
            #   teams: [SIRA]                        # team keys to read; empty means every team the key can see
            calendar:                                # course weeks for --sprint/--week, --current-week and --all-weeks
              timezone: Asia/Jakarta                 # IANA time zone; report windows run from local midnight to midnight
              sprints:                               # --sprint N picks the sprint whose name holds N; week M starts start + 7*(M-1)
                - { name: Sprint 1, start: {{firstSprintStart:yyyy-MM-dd}}, weeks: 2 }  # one line per sprint: first day (YYYY-MM-DD) and length
            review:                                  # how review comments are graded
              levels: { nitpick: P3 }                # comment label to P-level (P0..P3), e.g. add critical: P0, important: P1
            notes: notes                             # folder of narrative files, e.g. notes/sprint-1-week-1.md
            # templates: templates                   # folder of template overrides (see 'evidence templates export DIR')
            output: output                           # folder the reports are written to; --out overrides it

            """;
    }

    // Keeps the trailing comments of the username lines in the same column as the rest.
    private static string Pad(string value, int extra = 0) => new(' ', Math.Max(1, 29 + extra - value.Length));

    private static string SyntaxErrorMessage(YamlException e, string yaml, string displayPath)
    {
        var text = WhitespaceRegex().Replace(MarkPrefixRegex().Replace(e.Message, ""), " ").Trim().TrimEnd('.');
        if (DuplicateKeyRegex().Match(text) is { Success: true } duplicate)
        {
            return $"{displayPath}:{e.Start.Line}:{e.Start.Column}: duplicate key '{duplicate.Groups["key"].Value}'; a key may appear only once in a mapping, so keep one";
        }

        if (text.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            // YamlDotNet marks the start of the enclosing mapping; the offending tab is more useful.
            var lines = yaml.Split('\n');
            var index = Array.FindIndex(lines, l => l[..(l.Length - l.TrimStart().Length)].Contains('\t'));
            if (index >= 0)
            {
                return $"{displayPath}:{index + 1}:{lines[index].IndexOf('\t') + 1}: YAML syntax error: {text} (indent with spaces, not tabs)";
            }
        }

        return $"{displayPath}:{e.Start.Line}:{e.Start.Column}: YAML syntax error: {text} (check indentation and quoting)";
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefixRegex();

    [GeneratedRegex(@"^Duplicate key (?<key>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DuplicateKeyRegex();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainScalarRegex();
}
