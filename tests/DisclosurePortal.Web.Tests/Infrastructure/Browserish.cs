using System.Net;
using AngleSharp.Dom;
using DisclosurePortal.Web.Data.Seed;

namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>
/// Drives the app as a browser would (eShopOnWeb's functional tests): GET a page, take the antiforgery token from its
/// form, POST the fields. The client keeps cookies, so a signed-in client stays signed in.
/// </summary>
public static class Browserish
{
    public const string TokenField = "__RequestVerificationToken";

    public static HttpClient NewClient(PortalFactory factory) => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(PortalFactory factory, string userName)
    {
        var client = NewClient(factory);
        var response = await PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = userName, ["Password"] = DemoAccountsSeeder.Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in of {userName} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>GETs <paramref name="formPage"/>, then POSTs the fields with its antiforgery token to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var token = await TokenFromAsync(client, formPage);
        var body = new List<KeyValuePair<string, string>>(fields) { new(TokenField, token) };
        return await client.PostAsync(action, new FormUrlEncodedContent(body));
    }

    public static async Task<string> TokenFromAsync(HttpClient client, string page)
    {
        var (response, doc) = await Html.GetAsync(client, page);
        return Token(doc) ?? throw new InvalidOperationException($"no antiforgery token on {page} ({response.StatusCode})");
    }

    public static string? Token(IDocument doc) => doc.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value");
}
