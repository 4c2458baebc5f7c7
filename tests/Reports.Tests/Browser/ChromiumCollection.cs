namespace Reports.Tests.Browser;

/// <summary>Browser test classes share one Chromium and run one after another, not side by side on a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
