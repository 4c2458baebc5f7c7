using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reports.Config;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Reports.Rendering;

/// <summary>
/// Scriban with the project's rules: snake_case members, strict variables, loop and recursion
/// limits, includes confined to the template roots, invariant culture, '\n' line endings. Errors
/// become one-line <see cref="EvidenceException"/>s with file:line:column.
/// </summary>
/// <remarks>
/// Built once and then frozen: every template of the roots is parsed and <c>style.css</c> read at
/// construction (a broken template fails before any work), and each render seeds its include cache
/// with the parsed partials, so renders share nothing mutable and may run in parallel.
/// </remarks>
internal sealed class TemplateEngine
{
    /// <summary>Characters one template may write, 64 Mi: far above any real week (the demo is about 30 K).</summary>
    public const int OutputLimit = 64 * 1024 * 1024;

    /// <summary>Loop iterations one render may run, in total.</summary>
    public const int LoopLimit = 1_000_000;

    private static readonly string[] PreloadedAssets = ["style.css"];

    private readonly ConfinedTemplateLoader _loader;
    private readonly FrozenDictionary<string, Template> _byName;
    private readonly FrozenDictionary<string, Template> _byPath;
    private readonly FrozenDictionary<string, string> _assets;
    private readonly ScriptObject _markdownFunctions = CreateMarkdownFunctions(typeof(MarkdownFunctions));
    private readonly ScriptObject _hugoMarkdownFunctions = CreateMarkdownFunctions(typeof(HugoMarkdownFunctions));
    private readonly ScriptObject _htmlFunctions = CreateHtmlFunctions();
    private readonly Lazy<(string Css, string ContentSecurityPolicy)> _style;

    public TemplateEngine(TemplateRoots roots)
    {
        Roots = roots;
        var parsed = new Dictionary<string, (string Path, Template Template)>(StringComparer.Ordinal);
        foreach (var name in roots.Names(".sbn"))
        {
            // A file whose path leaves its root is not preloaded; an include of it fails, with its location, in the loader.
            if (TryResolve(roots, name) is { } path)
            {
                parsed[name] = (path, ParseFile(path));
            }
        }

        _loader = new ConfinedTemplateLoader(roots, parsed.ToFrozenDictionary(p => p.Key, p => p.Value.Path, StringComparer.Ordinal));
        _byName = parsed.ToFrozenDictionary(p => p.Key, p => p.Value.Template, StringComparer.Ordinal);
        _byPath = parsed.Values.ToFrozenDictionary(p => p.Path, p => p.Template, StringComparer.Ordinal);
        _assets = PreloadedAssets.Where(a => roots.Resolve(a) is not null)
            .ToFrozenDictionary(a => a, a => File.ReadAllText(roots.Resolve(a)!, Encoding.UTF8).ReplaceLineEndings("\n"), StringComparer.Ordinal);
        _style = new(() =>
        {
            var css = ReadAsset("style.css");
            return (css, ContentSecurityPolicy(css));
        });
    }

    public TemplateRoots Roots { get; }

    /// <summary>Renders <paramref name="name"/> with the members of <paramref name="model"/> and <paramref name="extra"/> as globals.</summary>
    /// <param name="format">Which output the Markdown is for: its <c>md</c> functions are <see cref="HugoMarkdownFunctions"/> for Hugo.</param>
    public string Render(string name, object model, IReadOnlyDictionary<string, object?>? extra = null, SiteFormat format = SiteFormat.Html) =>
        Render(name, model, extra, page: false, format);

    /// <summary>
    /// Renders the HTML page template <paramref name="name"/> as <see cref="Render(string, object, IReadOnlyDictionary{string, object?}?, SiteFormat)"/>
    /// does, with <c>css</c> (<c>style.css</c>) and the <c>content_security_policy</c> that lets only it
    /// apply as globals too; both are worked out once, at the first page.
    /// </summary>
    public string RenderPage(string name, object model, IReadOnlyDictionary<string, object?>? extra = null) =>
        Render(name, model, extra, page: true, SiteFormat.Html);

    /// <summary>
    /// Nothing but the page's own stylesheet may load or run: no scripts, no requests to other hosts. Images
    /// come only from the site itself (the notes' files copied beside the page) or the page's own data.
    /// </summary>
    private static string ContentSecurityPolicy(string css)
    {
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        return $"default-src 'none'; style-src 'sha256-{hash}'; img-src data: 'self'; base-uri 'none'; form-action 'none'";
    }

    private string Render(string name, object model, IReadOnlyDictionary<string, object?>? extra, bool page, SiteFormat format)
    {
        var template = _byName.GetValueOrDefault(name)
            ?? throw new LocalFileException($"template '{name}' not found in '{Roots.Shipped}'");
        var context = new SharedAccessorContext
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
        foreach (var (path, partial) in _byPath)
        {
            context.CachedTemplates[path] = partial;
        }

        var globals = new ScriptObject();
        context.Import(globals, model);
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            globals[key] = value;
        }

        if (page)
        {
            var (css, policy) = _style.Value;
            globals["css"] = css;
            globals["content_security_policy"] = policy;
        }

        globals["md"] = format == SiteFormat.Hugo ? _hugoMarkdownFunctions : _markdownFunctions;
        globals["html"] = _htmlFunctions;
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context).ReplaceLineEndings("\n");
        }
        catch (ScriptParserRuntimeException e) when (FirstError(e.ParserMessages) is { } error)
        {
            // An included template that does not parse: point at the error inside it, not at the include.
            throw new EvidenceException($"{Where(error.Span)}: {error.Message}", e);
        }
        catch (ScriptRuntimeException e)
        {
            throw new EvidenceException($"{Where(e.Span)}: {e.OriginalMessage}", e);
        }
    }

    /// <summary>The text of a non-template asset such as <c>style.css</c>, from the first root that has it.</summary>
    public string ReadAsset(string name)
    {
        if (_assets.TryGetValue(name, out var text))
        {
            return text;
        }

        var path = Roots.Resolve(name) ?? throw new LocalFileException($"template asset '{name}' not found in '{Roots.Shipped}'");
        return File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n");
    }

    private static string? TryResolve(TemplateRoots roots, string name)
    {
        try
        {
            return roots.Resolve(name);
        }
        catch (EvidenceException)
        {
            return null;
        }
    }

    private static Template ParseFile(string path)
    {
        var template = Template.Parse(File.ReadAllText(path, Encoding.UTF8), path);
        if (template.HasErrors)
        {
            var first = FirstError(template.Messages)!;
            throw new EvidenceException($"{Where(first.Span)}: {first.Message}");
        }

        return template;
    }

    private static ScriptObject CreateMarkdownFunctions(Type functions)
    {
        var md = new ScriptObject();
        md.Import(functions, renamer: StandardMemberRenamer.Rename);
        md.IsReadOnly = true;
        return md;
    }

    // Scriban's html functions, but html.escape also shows bidirectional controls, as md.text does:
    // a name or title on an index page cannot reorder the text around it.
    private static ScriptObject CreateHtmlFunctions()
    {
        var html = new ScriptObject();
        html.Import(typeof(Scriban.Functions.HtmlFunctions), renamer: StandardMemberRenamer.Rename);
        html.Remove("escape");
        html.Import("escape", new Func<string?, string?>(text => Scriban.Functions.HtmlFunctions.Escape(text is null ? null : BidiControls.Reveal(text))));
        html.IsReadOnly = true;
        return html;
    }

    private static Scriban.Parsing.LogMessage? FirstError(LogMessageBag messages) =>
        messages.FirstOrDefault(m => m.Type == Scriban.Parsing.ParserMessageType.Error);

    private static string Where(Scriban.Parsing.SourceSpan span) =>
        $"{span.FileName}:{span.Start.Line + 1}:{span.Start.Column + 1}";
}
