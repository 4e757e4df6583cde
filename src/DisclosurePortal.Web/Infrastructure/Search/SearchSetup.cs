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
        if (settings.ListedResults is < 1 or > 100_000)
            throw new InvalidOperationException("Search:ListedResults must be 1–100000.");
        services.AddSingleton(settings);
        services.AddSingleton<SearchSynonymsCache>();
        return services;
    }
}
