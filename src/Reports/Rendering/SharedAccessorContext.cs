using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;

namespace Reports.Rendering;

/// <summary>
/// A <see cref="TemplateContext"/> whose member accessors (the reflected properties of a model type)
/// and builtin objects (<c>array</c>, <c>date</c>, <c>html</c>, <c>string</c> …) are built once for
/// the process instead of once per render.
/// </summary>
/// <remarks>
/// <para>
/// Scriban builds an accessor per type in every new context, reading the type's properties again,
/// and its reflection cache can then be collected with the context: a site build spent a tenth of
/// its rendering time there and in re-created invocation stubs. An accessor depends only on the
/// type and on the context's renamer and member filter, which are the same for every render of
/// <see cref="TemplateEngine"/>; accessors only read, so renders on several threads share them, and
/// list accessors (which depend on the type alone) likewise.
/// </para>
/// <para>
/// Scriban also copies its builtin objects into every new context, importing the <c>date</c>
/// functions again by reflection: a seventh of each template's render. Here every render shares one set,
/// made read-only so no render can change what another sees: a template that sets
/// <c>date.format</c> or adds a member to <c>string</c> fails with its location; it passes a format
/// to <c>date.to_string</c> instead.
/// </para>
/// </remarks>
internal sealed class SharedAccessorContext() : TemplateContext(Builtins)
{
    private static readonly ConcurrentDictionary<Type, IObjectAccessor?> Accessors = new();

    private static readonly ScriptObject Builtins = ReadOnly(GetDefaultBuiltinObject());

    private static readonly ConcurrentDictionary<Type, IListAccessor?> ListAccessors = new();

    protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
        Accessors.GetOrAdd(target.GetType(), static (_, state) => state.Context.CreateAccessor(state.Target), (Context: this, Target: target));

    // Scriban keeps only the list accessors it finds, so an object that is not a list is examined again at every index.
    protected override IListAccessor? GetListAccessorImpl(object target, Type type) =>
        ListAccessors.GetOrAdd(type, static (listType, state) => state.Context.CreateListAccessor(state.Target, listType), (Context: this, Target: target));

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

    private IListAccessor? CreateListAccessor(object target, Type type) => base.GetListAccessorImpl(target, type);

    private static ScriptObject ReadOnly(ScriptObject builtins)
    {
        foreach (var value in builtins.Values.OfType<ScriptObject>())
        {
            value.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }
}
