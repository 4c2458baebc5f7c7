using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reports.Config;

/// <summary>
/// A YAML event stream with bounds: nodes counted with every alias expanded (so a few lines of
/// nested aliases cannot cost minutes, "billion laughs"), and nesting depth (so loading cannot
/// exhaust the stack). Exceeding either throws <see cref="YamlException"/> at the offending event.
/// </summary>
internal sealed class BoundedYamlParser(IParser inner) : IParser
{
    public const int MaxExpandedNodes = 10_000;
    public const int MaxDepth = 64;

    private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long StartTotal)> _open = new();
    private long _total;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var previous = inner.Current;
        try
        {
            if (!inner.MoveNext())
            {
                return false;
            }
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some unclosed flow collections instead of with a YamlException.
            var at = previous?.End ?? Mark.Empty;
            throw new YamlException(at, at, "the YAML cannot be read after this point; look for an unclosed '[', '{' or quote", e);
        }

        switch (inner.Current)
        {
            case AnchorAlias alias:
                Add(_anchorSizes.GetValueOrDefault(alias.Value.Value, 1), alias);
                break;
            case Scalar scalar:
                Add(1, scalar);
                if (!scalar.Anchor.IsEmpty)
                {
                    _anchorSizes[scalar.Anchor.Value] = 1;
                }

                break;
            case NodeEvent start when start is MappingStart or SequenceStart:
                Add(1, start);
                _open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, _total - 1));
                if (_open.Count > MaxDepth)
                {
                    throw new LimitException(start.Start, start.End, $"nesting deeper than {MaxDepth} levels is not allowed in a config file");
                }

                break;
            case MappingEnd or SequenceEnd:
                var (anchor, startTotal) = _open.Pop();
                if (anchor is not null)
                {
                    _anchorSizes[anchor] = _total - startTotal;
                }

                break;
        }

        return true;
    }

    private void Add(long nodes, ParsingEvent at)
    {
        _total += nodes;
        if (_total > MaxExpandedNodes)
        {
            throw new LimitException(at.Start, at.End,
                $"the file expands to more than {MaxExpandedNodes} values (through aliases such as *name); write the values out instead of nesting aliases");
        }
    }

    /// <summary>A bound was exceeded: the file is well-formed YAML, just too much of it.</summary>
    internal sealed class LimitException(Mark start, Mark end, string message) : YamlException(start, end, message);
}
