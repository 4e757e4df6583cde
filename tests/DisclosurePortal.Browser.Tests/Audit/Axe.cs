using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DisclosurePortal.Browser.Tests.Audit;

/// <summary>
/// Runs the axe-core that Deque.AxeCore.Commons bundles in a page: its source evaluated once, then <c>axe.run</c>.
/// Deque.AxeCore.Playwright's <c>RunAxe</c> does the same work but evaluates the ~500 KB source twice per call and
/// opens a new browser context and page for each call to finish the run in; over 260 audited pages that was most of
/// the audit's time. The pages have no frames, so a run in the top document sees everything a partial run would.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>axe.run on the whole document with <paramref name="options"/>, as Deque's result type.</summary>
    public static async Task<AxeResult> RunAsync(IPage page, AxeRunOptions options)
    {
        // Evaluated through the DevTools protocol, not as a <script> tag: the page's CSP allows no script (ADR 20), and
        // needs no bypassing for it. The source goes in as the function's body (not through eval, which CSP forbids).
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync("() => {" + Source.Value + "\n}");
        var json = await page.EvaluateAsync<string>(
            "async options => JSON.stringify(await window.axe.run(document, JSON.parse(options)))",
            JsonConvert.SerializeObject(options));
        return new AxeResult(JObject.Parse(json));
    }
}
