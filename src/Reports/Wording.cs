namespace Reports;

/// <summary>English for the sentences evidence writes about counts, shared by the report, its charts and the site.</summary>
internal static class Wording
{
    /// <summary>"1 finding", "2 findings", "0 findings".</summary>
    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
