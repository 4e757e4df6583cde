using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace DisclosurePortal.Browser.Tests.Audit;

/// <summary>
/// Every page type's HTML, as the server sent it (normal and seniors' mode), through html-validate (tests/tools, installed by
/// tests/run.sh with npm ci) in one process with tests/tools/.htmlvalidate.cjs: zero errors (ADR 19).
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class HtmlValidationTests(AuditFixture fixture, ITestOutputHelper output)
{
    private const string Install =
        "Install them as tests/run.sh does: apt-get install -y nodejs npm (Node ≥ 18.19), then `npm ci --prefix tests/tools`; "
        + "or set DP_NODE to a node binary and DP_TEST_TOOLS to a folder where `npm ci` was run with tests/tools/package.json.";

    [Fact]
    public async Task EveryPageType_IsValidHtml()
    {
        var (node, validator, config) = Tools();
        // Kept as test output, so that an error's page can be read (and re-validated by hand).
        var folder = Path.Combine(Path.GetDirectoryName(BrowserFixture.OutputFolder)!, "html");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        // The two looks at once, each in its own contexts; within a context one page at a time, so that two first
        // visits do not each set an antiforgery cookie and leave a form whose token matches neither.
        var files = (await Task.WhenAll(new[] { Look.DesktopNormal, Look.DesktopSenior }.Select(async look =>
        {
            var saved = new List<string>();
            foreach (var type in PageTypes.All)
            {
                var file = Path.Combine(folder, $"{type.Name}{(look.Senior ? "-senior" : "")}.html");
                await File.WriteAllTextAsync(file, await fixture.HtmlAsync(type, look));
                saved.Add(file);
            }
            return saved;
        }))).SelectMany(saved => saved).ToList();

        // The JSON goes to a file: Node cuts piped output short when html-validate exits.
        var json = Path.Combine(folder, "html-validate.json");
        var (exit, stdout, stderr) = await RunAsync(node, [validator, "--config", config, "--formatter", $"json={json}", .. files]);
        if (exit is not (0 or 1) || !File.Exists(json))
            Assert.Fail($"html-validate did not run (exit {exit}): {stderr}{stdout}\n{Install}");

        var report = new StringBuilder();
        var errors = 0;
        foreach (var result in JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement.EnumerateArray())
        {
            var file = result.GetProperty("filePath").GetString()!;
            var lines = await File.ReadAllLinesAsync(file);
            foreach (var m in result.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("severity").GetInt32() == 2))
            {
                errors++;
                var line = m.GetProperty("line").GetInt32();
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{Path.GetFileNameWithoutExtension(file)}:{line}:{m.GetProperty("column").GetInt32()} {m.GetProperty("ruleId").GetString()}: {m.GetProperty("message").GetString()}");
                if (line >= 1 && line <= lines.Length) report.AppendLine(CultureInfo.InvariantCulture, $"    {lines[line - 1].Trim()}");
            }
        }
        if (errors > 0) output.WriteLine(report.ToString());
        Assert.True(errors == 0, $"html-validate found {errors} errors in {files.Count} pages (kept in {folder}):\n{report}");
    }

    /// <summary>Node and html-validate, or a failure saying how to install them (never a silent pass).</summary>
    internal static (string Node, string Validator, string Config) Tools()
    {
        var node = Environment.GetEnvironmentVariable("DP_NODE") is { Length: > 0 } n ? n : FindOnPath("node");
        if (node is null || !File.Exists(node)) Assert.Fail($"Node.js was not found (DP_NODE or `node` on PATH). {Install}");

        var source = FindUp(Path.Combine("tests", "tools", "package.json")) is { } package ? Path.GetDirectoryName(package)! : null;
        var tools = Environment.GetEnvironmentVariable("DP_TEST_TOOLS") is { Length: > 0 } t ? t : source;
        if (tools is null || source is null) Assert.Fail($"tests/tools was not found above {AppContext.BaseDirectory}. {Install}");
        var validator = Path.Combine(tools, "node_modules", "html-validate", "bin", "html-validate.mjs");
        if (!File.Exists(validator)) Assert.Fail($"html-validate is not installed ({validator} is missing). {Install}");
        return (node, validator, Path.Combine(source, ".htmlvalidate.cjs"));
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    internal static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
