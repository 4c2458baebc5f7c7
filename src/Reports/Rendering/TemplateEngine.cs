using System.Globalization;
using System.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Reports.Rendering;

/// <summary>
/// Scriban with the project's rules: snake_case members, strict variables, loop and recursion
/// limits, includes confined to the template roots, invariant culture, '\n' line endings. Errors
/// become one-line <see cref="EvidenceException"/>s with file:line:column.
/// </summary>
public sealed class TemplateEngine(TemplateRoots roots)
{
    /// <summary>Characters one template may write, 64 Mi: far above any real week (the demo is about 30 K).</summary>
    public const int OutputLimit = 64 * 1024 * 1024;

    /// <summary>Loop iterations one render may run, in total.</summary>
    public const int LoopLimit = 1_000_000;

    private readonly ConfinedTemplateLoader _loader = new(roots);
    private readonly Dictionary<string, Template> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _assets = new(StringComparer.Ordinal);
    private readonly ScriptObject _markdownFunctions = CreateMarkdownFunctions();

    public TemplateRoots Roots => roots;

    /// <summary>Renders <paramref name="name"/> with the members of <paramref name="model"/> and <paramref name="extra"/> as globals.</summary>
    public string Render(string name, object model, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var template = Parse(name);
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Rename);
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            globals[key] = value;
        }

        globals["md"] = _markdownFunctions;

        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            MemberRenamer = StandardMemberRenamer.Rename,
            TemplateLoader = _loader,
            LoopLimit = LoopLimit,
            RecursiveLimit = 100,

            // Scriban's defaults cut text silently at 1 MiB; a report is either whole or the run fails.
            LimitToString = OutputLimit,
            OutputLimit = OutputLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            NewLine = "\n",

            // Multi-line values continue at their line's indentation, so fixes stay inside list items.
            AutoIndent = true,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context).ReplaceLineEndings("\n");
        }
        catch (ScriptParserRuntimeException e) when (FirstError(e.ParserMessages) is { } error)
        {
            // An included template that does not parse: point at the error inside it, not at the include.
            throw new EvidenceException($"{Where(error.Span)}: {error.Message}", ExitCode.InvalidInput, e);
        }
        catch (ScriptRuntimeException e)
        {
            throw new EvidenceException($"{Where(e.Span)}: {e.OriginalMessage}", ExitCode.InvalidInput, e);
        }
    }

    /// <summary>The text of a non-template asset such as <c>style.css</c>, from the first root that has it.</summary>
    public string ReadAsset(string name)
    {
        if (!_assets.TryGetValue(name, out var text))
        {
            var path = roots.Resolve(name) ?? throw new EvidenceException($"template asset '{name}' not found in '{roots.Shipped}'", ExitCode.LocalIo);
            _assets[name] = text = File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n");
        }

        return text;
    }

    private Template Parse(string name)
    {
        if (_parsed.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var path = roots.Resolve(name) ?? throw new EvidenceException($"template '{name}' not found in '{roots.Shipped}'", ExitCode.LocalIo);
        var template = Template.Parse(File.ReadAllText(path, Encoding.UTF8), path);
        if (template.HasErrors)
        {
            var first = FirstError(template.Messages)!;
            throw new EvidenceException($"{Where(first.Span)}: {first.Message}");
        }

        _parsed[name] = template;
        return template;
    }

    private static ScriptObject CreateMarkdownFunctions()
    {
        var md = new ScriptObject();
        md.Import(typeof(MarkdownFunctions), renamer: StandardMemberRenamer.Rename);
        return md;
    }

    private static Scriban.Parsing.LogMessage? FirstError(LogMessageBag messages) =>
        messages.FirstOrDefault(m => m.Type == Scriban.Parsing.ParserMessageType.Error);

    private static string Where(Scriban.Parsing.SourceSpan span) =>
        $"{span.FileName}:{span.Start.Line + 1}:{span.Start.Column + 1}";
}
