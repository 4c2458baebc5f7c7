namespace Reports.Analysis.Team;

/// <summary>What one reviewer wrote on one author's merge requests in the week: threads, and findings by level.</summary>
internal sealed record ReviewMatrixCell(string Author)
{
    public int Threads { get; init; }

    public int P0 { get; init; }

    public int P1 { get; init; }

    public int P2 { get; init; }

    public int P3 { get; init; }

    public int Ungraded { get; init; }

    public int Praise { get; init; }

    public int Findings => P0 + P1 + P2 + P3 + Ungraded;
}
