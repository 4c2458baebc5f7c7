using System.Text;
using Reports.Notes;
using Reports.Tests.Support;

namespace Reports.Tests.Notes;

/// <summary>
/// An image the notes show is a file beside them, of a listed type and size, checked before anything is
/// written; every problem fails the run in one line naming the notes file and line.
/// </summary>
public sealed class NoteImagesTests : IDisposable
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    private string NotesPath => _work.Combine("notes", "sprint-2-week-1.md");

    [Fact]
    public void An_image_beside_the_notes_is_found_with_its_line_and_its_place_relative_to_the_page()
    {
        WriteBytes("notes/shots/review.png", Png);
        var notes = Load("## Reviews\n\ntext\n\n![Review of !109](./shots/review.png)\n\n![again](shots/review.png) ![remote](https://example.com/p.png)\n");

        Assert.Equal(
            [("./shots/review.png", "shots/review.png", 5), ("shots/review.png", "shots/review.png", 7)],
            notes.Images.Select(i => (i.Url, i.Path, i.Line)));
    }

    [Fact]
    public void A_missing_file_fails_with_the_notes_file_and_line()
    {
        var error = Assert.Throws<EvidenceException>(() => Load("## Reviews\n\n![shot](missing.png)\n"));

        Assert.StartsWith($"{NotesPath}:3: image 'missing.png' is not there", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("%2E%2E/outside.png")]
    public void A_path_outside_the_notes_folder_is_refused(string url)
    {
        WriteBytes("outside.png", Png);

        var error = Assert.Throws<EvidenceException>(() => Load($"![x]({url})\n"));

        Assert.Contains(":1: image", error.Message, StringComparison.Ordinal);
        Assert.Contains("lies outside the notes folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_inside_the_folder_that_leads_out_of_it_is_refused()
    {
        var secret = WriteBytes("secret.png", Png);
        Directory.CreateDirectory(_work.Combine("notes"));
        File.CreateSymbolicLink(_work.Combine("notes", "shot.png"), secret);

        var error = Assert.Throws<EvidenceException>(() => Load("![x](shot.png)\n"));

        Assert.Contains("lies outside the notes folder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shot.bmp", "is not an image the report shows")]
    [InlineData("shot.png", "is not a PNG file inside")]
    [InlineData("shot.jpg", "is not a JPG file inside")]
    public void A_type_not_listed_or_a_file_whose_content_is_not_its_type_is_refused(string name, string problem)
    {
        WriteBytes("notes/" + name, Encoding.UTF8.GetBytes("#!/bin/sh\necho not an image\n"));

        var error = Assert.Throws<EvidenceException>(() => Load($"text\n\n![x]({name})\n"));

        Assert.StartsWith($"{NotesPath}:3: image '{name}' {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_cap_is_refused_before_it_is_read()
    {
        using (var file = File.Create(CreateFolder("notes/big.png")))
        {
            file.SetLength(NoteImages.MaxBytes + 1L);
        }

        var error = Assert.Throws<EvidenceException>(() => Load("![x](big.png)\n"));

        Assert.Contains("is 5,242,881 bytes, over the 5,242,880 bytes (5 MiB) an image may have", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "it holds a <script> element")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "it holds an event handler (onload)")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\"><image x:href=\"https://tracker.example/p.png\"/></svg>", "it refers to 'https://tracker.example/p.png'")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://x.example/a.css);</style></svg>", "its styles load something from outside it")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>", "it is not plain, well-formed XML")]
    [InlineData("<html><body/></html>", "its root element is <html>, not <svg>")]
    public void An_svg_that_could_run_or_load_anything_is_refused(string svg, string problem)
    {
        WriteBytes("notes/chart.svg", Encoding.UTF8.GetBytes(svg));

        var error = Assert.Throws<EvidenceException>(() => Load("![chart](chart.svg)\n"));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{NotesPath}:1: image 'chart.svg' is an SVG the site will not serve", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_drawing_with_gradients_and_an_embedded_raster_is_copied()
    {
        WriteBytes("notes/chart.svg", Encoding.UTF8.GetBytes(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><defs><linearGradient id=\"g\"/></defs>" +
            "<rect fill=\"url(#g)\" width=\"4\" height=\"4\"/><use xlink:href=\"#g\"/><image href=\"data:image/png;base64,iVBORw0KGgo=\"/></svg>"));

        Assert.Equal("chart.svg", Assert.Single(Load("![chart](chart.svg)\n").Images).Path);
    }

    [Fact]
    public void Notes_given_as_text_have_no_images_to_copy()
    {
        Assert.Empty(NotesParser.Parse("![shot](shot.png)").Images);
    }

    [Fact]
    public void An_image_that_changed_before_the_copy_is_checked_again()
    {
        var path = WriteBytes("notes/shot.png", Png);
        var image = Assert.Single(Load("![x](shot.png)\n").Images);
        File.WriteAllText(path, "no longer a png");

        var error = Assert.Throws<EvidenceException>(() => NoteImages.Read(image));

        Assert.StartsWith($"{NotesPath}:1: image 'shot.png' is not a PNG file inside", error.Message, StringComparison.Ordinal);
    }

    private NarrativeNotes Load(string markdown)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(NotesPath)!);
        File.WriteAllText(NotesPath, markdown);
        return NotesParser.Load(NotesPath);
    }

    private string WriteBytes(string relative, byte[] bytes)
    {
        var path = CreateFolder(relative);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string CreateFolder(string relative)
    {
        var path = _work.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
