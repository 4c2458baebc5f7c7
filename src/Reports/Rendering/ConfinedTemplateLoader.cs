using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Reports.Rendering;

/// <summary>Scriban's <c>include</c> loader, confined to <see cref="TemplateRoots"/>.</summary>
/// <param name="preloaded">Names already found and parsed when the engine was built, with their paths.</param>
internal sealed class ConfinedTemplateLoader(TemplateRoots roots, IReadOnlyDictionary<string, string> preloaded) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (preloaded.TryGetValue(templateName, out var known))
        {
            return known;
        }

        try
        {
            return roots.Resolve(templateName)
                ?? throw new ScriptRuntimeException(callerSpan, $"template '{templateName}' not found in {Describe()}");
        }
        catch (EvidenceException e)
        {
            throw new ScriptRuntimeException(callerSpan, e.Message);
        }
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        File.ReadAllText(templatePath, Encoding.UTF8);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new(Load(context, callerSpan, templatePath));

    private string Describe() => roots.Overrides is null ? $"'{roots.Shipped}'" : $"'{roots.Overrides}' or '{roots.Shipped}'";
}
