using System.Net;
using DisclosurePortal.Web.Tests.Infrastructure;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>
/// Every endpoint the app's routing knows, asked by every kind of caller: anonymous visitors are sent to the login
/// page, the wrong role gets a 403, an editor of another department a 403 or a 404, and the right caller a page
/// (never a 5xx). POSTs are refused to the wrong callers even with a valid antiforgery token, and write nothing.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class PermissionMatrixTests(SqliteSecurityPortal factory)
{
    [Fact]
    public void EveryEndpoint_IsClassified_AndEveryClassifiedEndpointExists()
    {
        var endpoints = EndpointTable.Classifiable(factory.Services);
        var unclassified = endpoints.Where(e => !EndpointTable.Classes.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(unclassified.Count == 0,
            "Endpoints missing from EndpointTable.Classes (say who may use them):\n" + string.Join("\n", unclassified));
        var stale = EndpointTable.Classes.Keys.Except(endpoints.Select(e => e.Key)).ToList();
        Assert.True(stale.Count == 0, "EndpointTable.Classes lists endpoints the app no longer has:\n" + string.Join("\n", stale));
        Assert.Contains(EndpointTable.All(factory.Services), EndpointTable.IsStaticAsset); // the asset rule still matches something
    }

    [Fact]
    public async Task EveryGet_AnswersEachCaller_AsItsClassSays()
    {
        var samples = await factory.ArrangeAsync();
        var failures = new List<string>();
        foreach (var endpoint in EndpointTable.Classifiable(factory.Services).Where(e => e.Method is "GET" or "*"))
        {
            if (!EndpointTable.Classes.TryGetValue(endpoint.Key, out var access)) continue; // reported by the test above
            var url = samples.Fill(access.Url);
            // Every caller who must be refused; of those allowed, the first and the last (anonymous and an editor for a public page).
            var allowed = SecurityPortal.Callers.Where(w => access.Allowed.HasFlag(w)).ToList();
            foreach (var who in SecurityPortal.Callers.Where(w => !access.Allowed.HasFlag(w) || w == allowed[0] || w == allowed[^1]))
            {
                var response = await (await factory.ClientAsync(who)).GetAsync(url);
                var problem = await CheckAsync(response, who, access);
                if (problem is not null) failures.Add($"{who} GET {url} ({endpoint.Key}): {problem}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPost_IsRefusedToAnonymousVisitorsAndWrongRoles_WithAValidToken_AndWritesNothing()
    {
        var samples = await factory.ArrangeAsync();
        var tokens = new Dictionary<Who, string>();
        foreach (var who in SecurityPortal.Callers) tokens[who] = await factory.TokenAsync(who);
        var failures = new List<string>();
        var posts = EndpointTable.Classifiable(factory.Services).Where(e => e.Method is "POST").ToList();
        Assert.NotEmpty(posts);
        var before = factory.WriteMark();
        foreach (var endpoint in posts)
        {
            if (!EndpointTable.Classes.TryGetValue(endpoint.Key, out var access)) continue;
            var url = samples.Fill(access.Url);
            foreach (var who in SecurityPortal.Callers.Where(w => !access.Allowed.HasFlag(w)))
            {
                var client = await factory.ClientAsync(who);
                var response = await client.PostAsync(url, new FormUrlEncodedContent(Plausible(tokens[who])));
                var problem = await CheckAsync(response, who, access);
                if (problem is not null) failures.Add($"{who} POST {url} ({endpoint.Key}): {problem}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, factory.WriteMark());
    }

    /// <summary>Null when the response is what this caller should get, else what is wrong with it.</summary>
    private static async Task<string?> CheckAsync(HttpResponseMessage response, Who who, Access access)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500) return $"{status} {Pages.Snippet(body)}";
        if (access.Allowed.HasFlag(who))
        {
            if (IsLoginRedirect(response)) return "sent to the login page, but this caller may use it";
            if (status == 403 && !access.RefusalPage) return "403, but this caller may use it";
            return null;
        }
        if (who == Who.Anonymous)
            return IsLoginRedirect(response) ? null : $"{status} {response.Headers.Location}, expected a redirect to /account/login";
        var refusals = access.Scoped ? new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound } : [HttpStatusCode.Forbidden];
        if (!refusals.Contains(response.StatusCode)) return $"{status}, expected {string.Join(" or ", refusals.Select(s => (int)s))}";
        if (Pages.ChineseMessage(await Html.ParseAsync(response)) is null) return $"{status} without a Chinese message";
        return null;
    }

    private static bool IsLoginRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/account/login", StringComparison.Ordinal) == true
        || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { IsAbsoluteUri: true } abs && abs.AbsolutePath == "/account/login";

    /// <summary>Fields that would pass most forms' checks, so a refusal is about who asks, not what they sent.</summary>
    private static Dictionary<string, string> Plausible(string token) => new()
    {
        [Browserish.TokenField] = token,
        ["Title"] = "越权修改",
        ["Name"] = "越权部门",
        ["DisplayName"] = "越权",
        ["IssuingOrgan"] = "越权",
        ["Validity"] = "1",
        ["DisclosureAttribute"] = "1",
        ["Version"] = "1",
        ["version"] = "1",
        ["reason"] = "越权",
        ["Decision"] = "approve",
        ["Role"] = "Admin",
        ["NewPassword"] = "Hijacked#Pass2026",
        ["Text"] = "越权",
    };
}
