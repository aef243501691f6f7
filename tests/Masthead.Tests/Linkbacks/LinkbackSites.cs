using Masthead.Tests.Infrastructure;

namespace Masthead.Tests.Linkbacks;

/// <summary>A Masthead site allowed to fetch one other local site, the sources' site.</summary>
public sealed class LinkbackServer : MastheadServer
{
    public LinkbackServer(Uri allowed, params (string Key, string Value)[] settings)
    {
        Set("Masthead:Linkbacks:AllowedPrivateEndpoints:0", $"127.0.0.1:{allowed.Port}");
        foreach (var (key, value) in settings)
        {
            Set(key, value);
        }
    }
}

/// <summary>For linkback tests: a sources' site and a Masthead site that may fetch from it, both on 127.0.0.1.</summary>
public abstract class LinkbackSites : IAsyncLifetime
{
    protected SourceSite Sources { get; private set; } = null!;
    protected LinkbackServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sources = await SourceSite.StartAsync();
        Server = new LinkbackServer(Sources.BaseAddress);
        await ((IAsyncLifetime)Server).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Server).DisposeAsync();
        await Sources.DisposeAsync();
    }
}
