namespace Reports.Fakes;

/// <summary>A thread (or a stand-alone note when <see cref="IndividualNote"/>) on a merge request.</summary>
public sealed class FakeDiscussion(FakeGitLab fake, string id, bool individualNote)
{
    public string Id { get; } = id;

    public bool IndividualNote { get; } = individualNote;

    public List<FakeNote> Notes { get; } = [];

    /// <summary>Adds a reply to the thread.</summary>
    public FakeDiscussion Reply(FakeUser author, string body, DateTimeOffset at)
    {
        var first = Notes[0];
        Notes.Add(new FakeNote
        {
            Id = fake.NextNoteId(),
            Author = author,
            Body = body,
            CreatedAt = at,
            Type = first.Type,
            Resolvable = first.Resolvable,
            Position = first.Position,
        });
        return this;
    }

    /// <summary>Marks every resolvable note resolved; <paramref name="recordTime"/> false mimics GitLab omitting <c>resolved_at</c>.</summary>
    public FakeDiscussion Resolve(FakeUser by, DateTimeOffset at, bool recordTime = true)
    {
        foreach (var note in Notes.Where(n => n.Resolvable))
        {
            note.Resolved = true;
            note.ResolvedBy = by;
            note.ResolvedAt = recordTime ? at : null;
        }

        return this;
    }

    internal object ToJson(Uri baseUrl, FakeMergeRequest mr) => new
    {
        id = Id,
        individual_note = IndividualNote,
        notes = Notes.Select(n => n.ToJson(baseUrl, mr)).ToList(),
    };
}
