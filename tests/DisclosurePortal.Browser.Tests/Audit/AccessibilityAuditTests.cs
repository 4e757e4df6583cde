using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DisclosurePortal.Browser.Tests.Audit;

/// <summary>
/// axe-core (vendored, vendor/axe-core) on every page type at phone and desktop width, in the normal and the seniors'
/// mode: no violation of impact serious or critical among the WCAG 2.0/2.1 A and AA rules (ADR 19).
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class AccessibilityAuditTests(AuditFixture fixture, ITestOutputHelper output)
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "vendor", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException("axe.min.js is not beside the tests (vendor/axe-core, copied to the output)", path);
    });

    /// <summary>Runs axe on the page with the WCAG 2.x A/AA rules; returns the serious and critical violations, node by node.</summary>
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return result.violations.flatMap(v => v.nodes
            .filter(n => n.impact === 'serious' || n.impact === 'critical')
            .map(n => ({ rule: v.id, impact: n.impact, help: v.help, helpUrl: v.helpUrl,
                         target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary || '' })));
        }
        """;

    /// <summary>DP_AUDIT_SCREENSHOTS=1 saves every page in every look (to look at them), not only those with violations.</summary>
    private static readonly bool ScreenshotAll = Environment.GetEnvironmentVariable("DP_AUDIT_SCREENSHOTS") == "1";

    public static IEnumerable<object[]> PageTypeNames => PageTypes.Names;

    [Theory]
    [MemberData(nameof(PageTypeNames))]
    public async Task PageType_HasNoSeriousOrCriticalWcagViolations_AtPhoneAndDesktop_InNormalAndSeniorsMode(string pageType)
    {
        var type = PageTypes.Named(pageType);
        var report = new StringBuilder();
        foreach (var look in Look.All)
        {
            var (page, _) = await fixture.OpenAsync(type, look);
            try
            {
                // Evaluated through the DevTools protocol, not as a <script> tag: the page's CSP allows no script (ADR 20).
                await page.EvaluateAsync(AxeSource.Value);
                var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
                foreach (var v in violations.EnumerateArray())
                {
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                        $"[{look.Name}] {v.GetProperty("rule").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}");
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    target: {v.GetProperty("target").GetString()}");
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    html:   {v.GetProperty("html").GetString()}");
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {v.GetProperty("summary").GetString()!.ReplaceLineEndings(" ")}");
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {v.GetProperty("helpUrl").GetString()}");
                }
                if (violations.GetArrayLength() > 0 || ScreenshotAll)
                    await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot($"audit-{type.Name}-{look.Name}.png"), FullPage = true });
            }
            finally
            {
                await page.CloseAsync();
            }
        }
        if (report.Length > 0) output.WriteLine(report.ToString());
        Assert.True(report.Length == 0, $"axe found serious or critical WCAG 2.1 A/AA violations on {type.Name} ({type.Url(fixture.Data)}):\n{report}");
    }

    [Fact]
    public void EveryGetRoute_IsAPageTypeOfTheAudit_OrListedAsNotAPage()
    {
        var routes = fixture.Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null) // not static files or /healthz
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .ToList();
        Assert.Contains(routes, r => r.Trim('/') == "records/{id:int}"); // the endpoints were found at all
        var uncovered = PageTypes.Uncovered(routes);
        Assert.True(uncovered.Count == 0,
            "GET routes that are neither a page type in Audit/PageTypes.cs nor listed there as not a page (add them, with a real URL):\n  "
            + string.Join("\n  ", uncovered));
    }
}
