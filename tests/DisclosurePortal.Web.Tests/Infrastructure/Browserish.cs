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

    /// <summary>Uploads a file through the multipart form on <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string formPage, string action, string fileName, byte[] content, string contentType = "application/octet-stream")
    {
        var token = await TokenFromAsync(client, formPage);
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), TokenField);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        body.Add(file, "file", fileName);
        return await client.PostAsync(action, body);
    }

    /// <summary>The value of a named input on a page (e.g. the hidden concurrency Version).</summary>
    public static async Task<string> InputValueAsync(HttpClient client, string page, string name)
    {
        var (_, doc) = await Html.GetAsync(client, page);
        return doc.QuerySelector($"input[name={name}]")?.GetAttribute("value") ?? throw new InvalidOperationException($"no input {name} on {page}");
    }

    public static async Task<string> TokenFromAsync(HttpClient client, string page)
    {
        var (response, doc) = await Html.GetAsync(client, page);
        return Token(doc) ?? throw new InvalidOperationException($"no antiforgery token on {page} ({response.StatusCode})");
    }

    public static string? Token(IDocument doc) => doc.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value");
}
