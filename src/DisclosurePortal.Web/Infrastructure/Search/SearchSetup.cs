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
            DatabaseProvider.SqlServer => services.AddScoped<ISearchIndex, SqlServerSearchIndex>(),
            var other => throw new InvalidOperationException($"Unhandled provider {other}."),
        };
        var settings = configuration.GetSection("Search").Get<SearchSettings>() ?? new SearchSettings();
        if (settings.ShortWordMaxResults is < 1 or > SearchLimits.MaxResults || settings.ShortWordWindow < 1)
            throw new InvalidOperationException($"Search:ShortWordMaxResults must be 1–{SearchLimits.MaxResults} and Search:ShortWordWindow at least 1.");
        services.AddSingleton(settings);
        return services;
    }
}
