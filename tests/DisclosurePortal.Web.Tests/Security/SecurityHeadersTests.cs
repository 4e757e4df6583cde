using System.Net;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>
/// Every kind of response carries the security headers (ADR 20); cookies are HttpOnly and SameSite everywhere and
/// Secure when the site is HTTPS-only; in Production with an https public address plain HTTP is redirected and HSTS
/// is sent; Kestrel sends no Server banner.
/// </summary>
public sealed class SecurityHeadersTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    public static TheoryData<string> Responses => new()
    {
        "/",                       // a public page (cached after the first request)
        "/domains/health",             // a column page
        "/search?q=%E9%80%9A%E7%9F%A5",
        "/account/login",          // a page with a form and the antiforgery cookie
        "/manage",                 // a redirect to the login page
        "/no-such-page",           // the 404 status page
        "/records/999999999",      // a 404 from a controller
        "/feeds/all.atom",         // a feed
        "/healthz",                // not MVC
        "/accessibility/size?value=huge", // a 400 from bad input
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        var client = Browserish.NewClient(factory);
        foreach (var attempt in new[] { 1, 2 }) // the second one may come from the output cache
        {
            using var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
            AssertSecurityHeaders(response, $"{url} (request {attempt})");
        }
    }

    [Fact]
    public async Task StaticAssets_AndNotModifiedAnswers_CarryTheHeadersToo()
    {
        var client = Browserish.NewClient(factory);
        var (_, home) = await Html.GetAsync(client, "/");
        var css = home.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href") ?? throw new InvalidOperationException("no stylesheet link");
        using var asset = await client.GetAsync(css);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        AssertSecurityHeaders(asset, css);

        using var first = await client.GetAsync("/domains/health");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/domains/health");
        if (first.Headers.ETag is { } etag) conditional.Headers.IfNoneMatch.Add(etag);
        else conditional.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        AssertSecurityHeaders(notModified, "304 /domains/health");
    }

    [Fact]
    public async Task Cookies_AreHttpOnlyAndSameSite_AndNotSecureOnTheLocalHttpRun()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var login = await client.GetAsync("/account/login");
        var antiforgery = SetCookie(login, "dp.af");
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", antiforgery.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);

        // The seniors' mode cookie is written by code that does not say HttpOnly: the cookie policy adds it.
        using var mode = await client.GetAsync("/accessibility/mode?value=senior&returnUrl=/");
        var senior = SetCookie(mode, "dp-mode");
        Assert.Contains("httponly", senior, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", senior, StringComparison.OrdinalIgnoreCase);

        var signedIn = await Browserish.SignedInAsync(factory, "reviewer");
        Assert.NotNull(signedIn);
    }

    [Fact]
    public async Task InDevelopmentAndTests_ThereIsNoHstsAndNoRedirect()
    {
        using var response = await Browserish.NewClient(factory).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("upgrade-insecure-requests", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProduction_WithAnHttpsPublicAddress_HttpIsRedirected_HstsIsSent_AndEveryCookieIsSecure()
    {
        using var production = HttpsOnlyApp(factory);
        var http = production.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://gk.example.gov.cn") });
        using var redirect = await http.GetAsync("/domains/health?page=2");
        Assert.True(redirect.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect,
            $"plain HTTP answered {(int)redirect.StatusCode}");
        Assert.Equal("https://gk.example.gov.cn/domains/health?page=2", redirect.Headers.Location?.ToString());

        var https = production.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://gk.example.gov.cn") });
        using var login = await https.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var hsts = string.Join(";", login.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("upgrade-insecure-requests", string.Join(";", login.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("secure", SetCookie(login, "dp.af"), StringComparison.OrdinalIgnoreCase);

        // Sign in over HTTPS: the sign-in cookie is Secure, HttpOnly, SameSite=Lax.
        var token = ForgedRequests.Token(await Html.ParseAsync(login));
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "reviewer", ["Password"] = DisclosurePortal.Data.Seed.DemoAccountsSeeder.Password, [Browserish.TokenField] = token!,
            }),
        };
        post.Headers.Add("Cookie", cookie);
        using var signedIn = await https.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = SetCookie(signedIn, "dp.auth");
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Kestrel_SendsNoServerBanner()
    {
        using var app = factory.WithWebHostBuilder(_ => { });
        app.UseKestrel(0); // a real socket: the test server never sends a Server header, Kestrel does unless told not to
        app.StartServer();
        using var client = app.CreateClient();
        Assert.StartsWith("http://", client.BaseAddress!.ToString(), StringComparison.Ordinal);
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, "/ over Kestrel");
    }

    /// <summary>The fixture's app as deployed: Production, public address https://gk.example.gov.cn.</summary>
    internal static WebApplicationFactory<Program> HttpsOnlyApp(PortalFactory factory) => factory.WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Production");
        b.UseSetting("Portal:PublicBaseUrl", "https://gk.example.gov.cn");
    });

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values)
                : throw new Xunit.Sdk.XunitException($"{what}: no {name} header");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header("Content-Security-Policy"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("same-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), $"{what}: a Server header");
        Assert.False(response.Headers.Contains("X-Powered-By"), $"{what}: an X-Powered-By header");
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal)) is { } cookie
            ? cookie
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri}: no {name} cookie set");
}
