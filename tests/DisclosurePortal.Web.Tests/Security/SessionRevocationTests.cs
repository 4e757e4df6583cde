using System.Net;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Tests.Infrastructure;
using static DisclosurePortal.Web.Tests.Admin.AdminTestData;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>
/// A sign-in cookie copied before the session ended (a stolen one) stops working at once when the staff member signs
/// out, or an administrator resets the password or disables the account: the security stamp is renewed and checked
/// on every request (issue 15, docs/security.md).
/// </summary>
public abstract class SessionRevocationTests(PortalFactory factory)
{
    private const string StaffPage = "/manage";

    [Fact]
    public async Task SignOut_EndsTheSession_ForACopyOfItsCookieToo()
    {
        var user = await UserAsync(factory, Roles.Reviewer);
        var (client, stolen) = await SignInAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(stolen)).StatusCode);

        var logout = await Browserish.PostFormAsync(client, StaffPage, "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        AssertSentToSignIn(await ReplayAsync(stolen));
    }

    [Fact]
    public async Task APasswordResetByAnAdministrator_EndsTheAccountsSessions()
    {
        var user = await UserAsync(factory, Roles.Reviewer);
        var (_, stolen) = await SignInAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(stolen)).StatusCode);

        var admin = await AdminAsync();
        var page = $"/admin/users/{user.Id}/password";
        var reset = await Browserish.PostFormAsync(admin, page, page, new() { ["NewPassword"] = "Another@Pass2027" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        AssertSentToSignIn(await ReplayAsync(stolen));
    }

    [Fact]
    public async Task Disabling_EndsTheAccountsSessions()
    {
        var user = await UserAsync(factory, Roles.Reviewer);
        var (_, stolen) = await SignInAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(stolen)).StatusCode);

        var admin = await AdminAsync();
        var disable = await Browserish.PostFormAsync(admin, $"/admin/users/{user.Id}/edit", $"/admin/users/{user.Id}/disable", []);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        AssertSentToSignIn(await ReplayAsync(stolen));
    }

    [Fact]
    public async Task AnotherAccountsSignOut_LeavesThisSessionAlone()
    {
        var user = await UserAsync(factory, Roles.Reviewer);
        var other = await UserAsync(factory, Roles.Reviewer);
        var (_, cookie) = await SignInAsync(user.UserName!);
        var (otherClient, _) = await SignInAsync(other.UserName!);

        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(otherClient, StaffPage, "/account/logout", [])).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie)).StatusCode);
    }

    /// <summary>The stamp is checked on every request, but the cookie is not rebuilt and sent again with each one.</summary>
    [Fact]
    public async Task AnOrdinaryStaffRequest_DoesNotSendANewCookie()
    {
        var user = await UserAsync(factory, Roles.Reviewer);
        var (client, _) = await SignInAsync(user.UserName!);
        foreach (var attempt in new[] { 1, 2 })
        {
            var response = await client.GetAsync(StaffPage);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
                c => c.StartsWith("dp.auth", StringComparison.Ordinal));
        }
    }

    private async Task<HttpClient> AdminAsync()
    {
        // An administrator of its own: the demo admin's stamp is not this test's to renew.
        var admin = await UserAsync(factory, Roles.Admin);
        return (await SignInAsync(admin.UserName!)).Client;
    }

    /// <summary>Signs in through the login form; returns the client and a copy of its sign-in cookie, as a thief would take it.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string userName)
    {
        var client = Browserish.NewClient(factory);
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = userName, ["Password"] = StrongPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The cookie may come in chunks (dp.auth, dp.authC1, …): take them all, name=value only.
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("dp.auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));
        Assert.NotEmpty(cookie);
        return (client, cookie);
    }

    /// <summary>The staff page on a client that has never signed in, with the copied cookie and nothing else.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, StaffPage);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

public sealed class SessionRevocationOnSqlite(SmallSqlitePortal factory) : SessionRevocationTests(factory), IClassFixture<SmallSqlitePortal>;

public sealed class SessionRevocationOnPostgres(SmallPostgresPortal factory) : SessionRevocationTests(factory), IClassFixture<SmallPostgresPortal>;
