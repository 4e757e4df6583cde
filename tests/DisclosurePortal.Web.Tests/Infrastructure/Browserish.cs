using System.Net;
using DisclosurePortal.Data.Seed;

namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>
/// Drives the app as a browser would (eShopOnWeb's functional tests, STYLE.md): GET a page, find the form by its action,
/// fill it in and submit it with its own fields and token (<see cref="PageForm"/>). The client keeps cookies, so a
/// signed-in client stays signed in. Tests of what the server refuses to hand-made requests use
/// <c>Security/ForgedRequests</c> instead, which says so in its name.
/// </summary>
public static class Browserish
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>Which portal each client talks to: a helper given one signed-in client can sign in the others it needs.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, PortalFactory> Portals = [];

    public static HttpClient NewClient(PortalFactory factory)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Portals.AddOrUpdate(client, factory);
        return client;
    }

    /// <summary>The portal <paramref name="client"/> was made for (by <see cref="NewClient"/>).</summary>
    public static PortalFactory PortalOf(HttpClient client) =>
        Portals.TryGetValue(client, out var factory) ? factory : throw new InvalidOperationException("the client was not made by Browserish.NewClient");

    public static async Task<HttpClient> SignedInAsync(PortalFactory factory, string userName)
    {
        var client = NewClient(factory);
        var response = await PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = userName, ["Password"] = DemoAccountsSeeder.Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in of {userName} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>GETs <paramref name="formPage"/>, fills in its form that posts to <paramref name="action"/> and submits it.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields) =>
        PostFormAsync(client, formPage, action, (IEnumerable<KeyValuePair<string, string>>)fields);

    /// <summary>
    /// The same with repeated names (ticked boxes, several options) and boxes to untick (<paramref name="cleared"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action,
        IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<string>? cleared = null)
    {
        var form = await PageForm.FindAsync(client, formPage, action);
        var body = form.Fill(fields, cleared);
        if (!form.IsMultipart) return await client.PostAsync(action, new FormUrlEncodedContent(body));
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in body) multipart.Add(new StringContent(value), name);
        return await client.PostAsync(action, multipart);
    }

    /// <summary>The same for the one form that carries no antiforgery token by design (the record page's 评议 form).</summary>
    public static async Task<HttpResponseMessage> PostTokenlessFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var form = await PageForm.FindAsync(client, formPage, action, antiforgery: false);
        return await client.PostAsync(action, new FormUrlEncodedContent(form.Fill(fields)));
    }

    /// <summary>Uploads a file through the multipart form on <paramref name="formPage"/> that posts to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string formPage, string action, string fileName, byte[] content,
        string contentType = "application/octet-stream", Dictionary<string, string>? fields = null)
    {
        var form = await PageForm.FindAsync(client, formPage, action);
        var fileField = form.FileField();
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fill(fields ?? [])) body.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        body.Add(file, fileField, fileName);
        return await client.PostAsync(action, body);
    }

    /// <summary>
    /// Fills in the multipart form on <paramref name="formPage"/> that posts to <paramref name="action"/> and submits it with
    /// a file in each named file input of <paramref name="files"/> (each must be one the form renders).
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithFilesAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields,
        params (string Field, string FileName, byte[] Content)[] files)
    {
        var form = await PageForm.FindAsync(client, formPage, action);
        if (!form.IsMultipart) throw new InvalidOperationException($"the form {action} on {formPage} is not multipart/form-data");
        var inputs = form.FileFields();
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fill(fields)) body.Add(new StringContent(value), name);
        foreach (var (field, fileName, content) in files)
        {
            if (!inputs.Contains(field, StringComparer.OrdinalIgnoreCase)) throw new InvalidOperationException($"the form {action} on {formPage} has no file input {field}");
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            body.Add(file, field, fileName);
        }
        return await client.PostAsync(action, body);
    }

    /// <summary>The value of a named input on a page (e.g. the hidden concurrency Version).</summary>
    public static async Task<string> InputValueAsync(HttpClient client, string page, string name)
    {
        var (_, doc) = await Html.GetAsync(client, page);
        return doc.QuerySelector($"input[name={name}]")?.GetAttribute("value") ?? throw new InvalidOperationException($"no input {name} on {page}");
    }
}
