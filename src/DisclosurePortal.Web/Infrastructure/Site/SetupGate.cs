namespace DisclosurePortal.Web.Infrastructure.Site;

/// <summary>
/// A fresh install without demo data (no site identity, no account) shows the first-time setup page and nothing else
/// (issue 20 §1): no page may appear under a name nobody gave it. Keeps the identity fresh on every node too.
/// </summary>
public sealed class SetupGate(RequestDelegate next, SiteIdentityStore store)
{
    public const string SetupPath = "/setup";

    // What a setup page itself needs: its stylesheets, the language switch, the error pages, the load balancer's probe.
    private static readonly string[] Open = [SetupPath, "/css", "/culture", "/error", "/healthz"];

    public async Task InvokeAsync(HttpContext context)
    {
        // The load balancer's probes answer by themselves: "live" must not wait on (or fail with) the database.
        if (context.Request.Path.StartsWithSegments(HealthResponse.Path, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        // The error pages show the copy as it is: the refresh may be what failed (the database away, issue 24).
        if (!context.Request.Path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await store.RefreshIfStaleAsync(context.RequestAborted);
            }
            catch (Exception e) when (Cluster.Unavailable.Is(e) && store.HasCopy)
            {
                // The database is away: go on with the particulars as last read; a page that needs the database
                // answers 503 by itself, one that does not (a cached page) is served.
            }
        }
        if (store.Current.NeedsSetup && !IsOpen(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = context.Request.PathBase + SetupPath;
            context.Response.Headers.CacheControl = "no-store";
            return;
        }
        await next(context);
    }

    private static bool IsOpen(PathString path) =>
        Open.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
