using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DisclosurePortal.Browser.Tests.Audit;

/// <summary>
/// axe-core (the copy Deque.AxeCore.Commons bundles, run by <see cref="Axe"/>) on every page type at phone and desktop width, in the normal
/// and the seniors' mode: no violation of impact serious or critical among the WCAG 2.0/2.1 A and AA rules (ADR 19).
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class AccessibilityAuditTests(AuditFixture fixture, ITestOutputHelper output)
{
    /// <summary>The WCAG 2.x A/AA rules; only the violations are wanted.</summary>
    internal static readonly AxeRunOptions WcagAAndAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>DP_AUDIT_SCREENSHOTS=1 saves every page in every look (to look at them), not only those with violations.</summary>
    private static readonly bool ScreenshotAll = Environment.GetEnvironmentVariable("DP_AUDIT_SCREENSHOTS") == "1";

    public static IEnumerable<object[]> PageTypeNames => PageTypes.Names;

    [Theory]
    [MemberData(nameof(PageTypeNames))]
    public async Task PageType_HasNoSeriousOrCriticalWcagViolations_AtPhoneAndDesktop_InNormalAndSeniorsMode(string pageType)
    {
        var type = PageTypes.Named(pageType);
        // The four looks at once (each has its own context and tab, so they cannot disturb each other); the reports are
        // joined in the looks' order so the output reads as before.
        var reports = await Task.WhenAll(Look.All.Select(look => AuditAsync(type, look)));
        var report = string.Concat(reports);
        if (report.Length > 0) output.WriteLine(report);
        Assert.True(report.Length == 0, $"axe found serious or critical WCAG 2.1 A/AA violations on {type.Name} ({type.Url(fixture.Data)}):\n{report}");
    }

    /// <summary>The serious and critical violations on the page type in one look, as lines of the report (empty if none).</summary>
    private async Task<string> AuditAsync(PageType type, Look look)
    {
        var report = new StringBuilder();
        var (page, _) = await fixture.ShowAsync(type, look);
        var result = await Axe.RunAsync(page, WcagAAndAA);
        var violations = result.Violations
            .SelectMany(v => v.Nodes.Where(n => n.Impact is "serious" or "critical").Select(n => (Rule: v, Node: n)))
            .ToList();
        foreach (var (v, n) in violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"[{look.Name}] {v.Id} ({n.Impact}): {v.Help}");
            report.AppendLine(CultureInfo.InvariantCulture, $"    target: {n.Target}");
            report.AppendLine(CultureInfo.InvariantCulture, $"    html:   {(n.Html.Length > 200 ? n.Html[..200] : n.Html)}");
            report.AppendLine(CultureInfo.InvariantCulture, $"    {FailureSummary(n).ReplaceLineEndings(" ")}");
            report.AppendLine(CultureInfo.InvariantCulture, $"    {v.HelpUrl}");
        }
        if (violations.Count > 0 || ScreenshotAll)
            await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot($"audit-{type.Name}-{look.Name}.png"), FullPage = true });
        return report.ToString();
    }

    /// <summary>What to fix on a node, as axe's own failureSummary words it (the .NET result does not carry that text).</summary>
    private static string FailureSummary(AxeResultNode node)
    {
        var all = (node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).ToList();
        var any = (node.Any ?? []).Select(c => c.Message).ToList();
        return string.Join(" ", new[]
        {
            all.Count > 0 ? "Fix all of the following: " + string.Join(" ", all) : null,
            any.Count > 0 ? "Fix any of the following: " + string.Join(" ", any) : null,
        }.Where(p => p is not null));
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
