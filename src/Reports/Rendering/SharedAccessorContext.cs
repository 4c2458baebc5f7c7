using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;

namespace Reports.Rendering;

/// <summary>
/// A <see cref="TemplateContext"/> whose member accessors (the reflected properties of a model type)
/// are built once per type for the process instead of once per render.
/// </summary>
/// <remarks>
/// Scriban builds an accessor per type in every new context, reading the type's properties again,
/// and its reflection cache can then be collected with the context: a site build spent a tenth of
/// its rendering time there and in re-created invocation stubs. An accessor depends only on the
/// type and on the context's renamer and member filter, which are the same for every render of
/// <see cref="TemplateEngine"/>; accessors only read, so renders on several threads share them.
/// </remarks>
internal sealed class SharedAccessorContext : TemplateContext
{
    private static readonly ConcurrentDictionary<Type, IObjectAccessor?> Accessors = new();

    protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
        Accessors.GetOrAdd(target.GetType(), static (_, state) => state.Context.CreateAccessor(state.Target), (Context: this, Target: target));

    /// <summary>The members of <paramref name="model"/> (renamed as templates see them) copied into <paramref name="globals"/>.</summary>
    public void Import(ScriptObject globals, object model)
    {
        var accessor = GetMemberAccessor(model);
        foreach (var member in accessor.GetMembers(this, CurrentSpan, model))
        {
            if (accessor.TryGetValue(this, CurrentSpan, model, member, out var value))
            {
                globals.SetValue(member, value, readOnly: false);
            }
        }
    }

    private IObjectAccessor? CreateAccessor(object target) => base.GetMemberAccessorImpl(target);
}
