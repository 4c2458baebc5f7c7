using System.CommandLine;
using Reports.Rendering;

namespace Reports.Cli.Commands;

/// <summary><c>evidence templates export DIR</c>: copies the shipped templates out for editing.</summary>
internal static class TemplatesCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "Folder to copy the default templates into; existing files are not overwritten." };
        var export = new Command("export", "Copy the default templates into DIR; edit them there and point 'templates:' (or --templates) at DIR.") { directory };
        Examples.Add(export, [("evidence templates export my-templates", "then set templates: my-templates in evidence.yml")]);
        export.SetAction((parse, cancellation) => CommandRunner.Run(parse, cancellation, stdout =>
        {
            foreach (var path in Export(TemplateRoots.ShippedDirectory, parse.GetValue(directory)!.FullName))
            {
                stdout.WriteLine(path);
            }
        }));
        return new Command("templates", "Work with the report templates.") { export };
    }

    internal static IReadOnlyList<string> Export(string shipped, string target)
    {
        var files = Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var clashes = files.Select(f => Path.Combine(target, Path.GetRelativePath(shipped, f))).Where(File.Exists).ToList();
        if (clashes.Count > 0)
        {
            throw new EvidenceException($"'{clashes[0]}' already exists ({clashes.Count} file(s) would be overwritten); export into an empty folder");
        }

        var written = new List<string>();
        foreach (var file in files)
        {
            var destination = Path.Combine(target, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            written.Add(destination);
        }

        return written;
    }
}
