namespace Weerbaar.E2E.Infrastructure;

/// <summary>All browser tests share one app and one browser and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppAndBrowserFixture>
{
    public const string Name = "Browser";
}
