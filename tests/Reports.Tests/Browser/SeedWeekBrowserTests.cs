using Microsoft.Playwright;
using Reports.Model;
using Reports.Notes;
using Reports.Tests.Golden;
using Reports.Tests.Support;

namespace Reports.Tests.Browser;

/// <summary>The seed week with its narrative and screenshot (<c>Golden/Cases/seed-week/</c>) as a reader sees it, on screen and printed.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class SeedWeekBrowserTests(ChromiumFixture chromium) : IDisposable
{
    private readonly TempDirectory _site = Write();

    public void Dispose() => _site.Dispose();

    [SkippableFact]
    public async Task Printing_opens_every_disclosure_so_each_suggested_fixs_code_is_on_paper()
    {
        var page = await chromium.OpenAsync(Url, 1280, 800);
        var code = page.Locator("main pre");
        var fixes = await code.CountAsync();
        Assert.True(fixes >= 24, $"{fixes} code blocks on the page");

        // On screen they are one click away, so the test can tell print from screen.
        Assert.False(await code.First.IsVisibleAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        for (var i = 0; i < fixes; i++)
        {
            Assert.True(await code.Nth(i).IsVisibleAsync(), $"code block {i} ({await code.Nth(i).TextContentAsync()}) is hidden in print");
        }

        Assert.Contains("flock -n 9", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 10_000, "the printed page is empty");
    }

    [SkippableTheory]
    [InlineData(1280, 800)]
    [InlineData(375, 667)]
    public async Task The_screenshot_loads_from_the_pages_folder_under_its_policy_and_fits_the_column(int width, int height)
    {
        var blocked = new List<string>();
        var page = await chromium.OpenAsync(Url, width, height);
        page.Console += (_, message) => blocked.Add(message.Text);
        var image = page.Locator("main div.narrative img");

        await image.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('main img'); return i && i.complete; }");

        Assert.Equal("lazy", await image.GetAttributeAsync("loading"));
        Assert.Equal(720, await image.EvaluateAsync<int>("i => i.naturalWidth"));
        var box = (await image.BoundingBoxAsync())!;
        var column = (await page.Locator("main").BoundingBoxAsync())!;
        Assert.True(box.Width <= column.Width, $"the image is {box.Width} px wide in a {column.Width} px column");
        Assert.Empty(blocked);
        await Screenshots.TakeAsync(image, $"seed-screenshot-{width}");
    }

    private string Url => ChromiumFixture.PageUrl(_site.Path, "sprint-2-week-1/index.html");

    private static TempDirectory Write()
    {
        var site = new TempDirectory();
        var folder = Path.Combine(RepoPaths.Golden, "Cases", "seed-week");
        var snapshot = SnapshotSerializer.Load(Path.Combine(folder, "snapshot.json"));
        GoldenTests.NewGenerator().RenderAndWrite([(snapshot, NotesParser.Load(Path.Combine(folder, "notes.md")))], site.Path);
        return site;
    }
}
