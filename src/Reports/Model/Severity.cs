namespace Reports.Model;

/// <summary>P0 blocker, P1 important, P2 improvement, P3 nitpick.</summary>
internal enum Severity
{
    P0,
    P1,
    P2,
    P3,
}
