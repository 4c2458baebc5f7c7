using Reports.Config;

namespace Reports.Sources;

/// <summary>What an <see cref="ISource"/> fetched for a window: student-free data plus the rules that pick one student's facts from it.</summary>
internal interface IFetchedWindow
{
    /// <summary>The instance read; credentials are stripped again before it is recorded.</summary>
    Uri Instance { get; }

    /// <summary>What was read: project paths, team keys.</summary>
    IReadOnlyList<string> Covered { get; }

    /// <summary>
    /// Applies docs/rules.md for <paramref name="student"/> and adds the facts to
    /// <paramref name="snapshot"/>. Pure and repeatable: call it once per student on the same fetch.
    /// </summary>
    void ContributeTo(StudentConfig student, SnapshotBuilder snapshot);
}
