using System.Collections.Concurrent;
using DisclosurePortal.Data;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// Opens the request's database connection once, before an action of a controller that takes the
/// <see cref="PortalDbContext"/>, instead of letting EF open and close it around every command. A column page runs
/// seven queries; seven trips through the SQLite connection pool (each taking the pool's lock and re-registering EF's
/// functions on the native handle) cost more than the queries themselves (docs/performance.md). EF closes the
/// connection when the pooled context is returned at the end of the request, and it uses the open connection for
/// transactions started in the action.
/// </summary>
public sealed class OneConnectionPerRequest : IAsyncActionFilter
{
    private static readonly ConcurrentDictionary<Type, bool> UsesDatabase = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.ActionDescriptor is ControllerActionDescriptor action
            && UsesDatabase.GetOrAdd(action.ControllerTypeInfo, static type => type.GetConstructors()
                .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(PortalDbContext)))))
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<PortalDbContext>();
            await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        }
        await next();
    }
}
