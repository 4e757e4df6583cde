namespace DisclosurePortal.Web.Infrastructure.Search;

public static class SearchSetup
{
    /// <summary>The search implementation of the configured database provider.</summary>
    public static IServiceCollection AddPortalSearch(this IServiceCollection services, IConfiguration configuration)
    {
        _ = DatabaseSetup.ProviderFrom(configuration) switch
        {
            DatabaseProvider.Sqlite => services.AddScoped<ISearchIndex, SqliteSearchIndex>(),
            DatabaseProvider.PostgreSQL => services.AddScoped<ISearchIndex, PostgresSearchIndex>(),
            var other => throw new InvalidOperationException($"Unhandled provider {other}."),
        };
        return services;
    }
}
