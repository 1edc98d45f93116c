using dotnet_etcd;
using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Grpc.Net.Client;
using SigilGate.Domain.Configuration;
using SigilGate.Domain.Store;

namespace SigilGate.Etcd;

/// <summary>Turns the <c>Etcd</c> settings into one dotnet-etcd client over all endpoints.</summary>
internal static class EtcdClientBuilder
{
    public static EtcdClient Build(EtcdSettings settings)
    {
        var endpoints = settings.EndpointList;
        if (endpoints.Count == 0)
        {
            throw new StoreException("no etcd endpoint configured: set Etcd:Endpoints (comma-separated URLs such as http://127.0.0.1:2379)");
        }

        var secure = EtcdTls.RequiresTls(settings);
        var password = ReadPassword(settings);

        // dotnet-etcd resolves the comma-separated list statically and balances calls round-robin
        // over the members that are connected, so one member down is skipped, not waited for.
        var connection = string.Join(',', endpoints);
        var client = secure
            ? new EtcdClient(connection, EtcdTls.Configure(settings), configureChannelOptions: o => ConfigureChannel(o, settings))
            : new EtcdClient(connection, configureChannelOptions: o => ConfigureChannel(o, settings));

        if (password is not null)
        {
            client.SetCredentials(settings.Username!, password);
        }

        return client;
    }

    /// <summary>
    /// Up to ten attempts while the deadline lasts, retried only when the call could not reach a
    /// member (Unavailable). The first call to a member that died since the last one fails that way
    /// and is retried on another member within ~100 ms. dotnet-etcd's default waits up to 1 s
    /// between attempts and throttles retries after a few failures, which left calls failing while
    /// two members were healthy.
    /// </summary>
    private static readonly MethodConfig Retry = new()
    {
        Names = { MethodName.Default },
        RetryPolicy = new RetryPolicy
        {
            MaxAttempts = 10,
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(1),
            BackoffMultiplier = 2,
            RetryableStatusCodes = { StatusCode.Unavailable },
        },
    };

    private static void ConfigureChannel(GrpcChannelOptions options, EtcdSettings settings)
    {
        options.ServiceConfig = new ServiceConfig
        {
            MethodConfigs = { Retry },
            LoadBalancingConfigs = { new RoundRobinConfig() },
        };
        options.MaxRetryAttempts = 10;

        // A prefix read of a large network can exceed gRPC's default 4 MB response cap;
        // etcd itself sends responses of any size.
        options.MaxReceiveMessageSize = null;

        // The default reconnect backoff grows to two minutes: a member back after an outage
        // would be ignored long after it answers again.
        options.InitialReconnectBackoff = TimeSpan.FromMilliseconds(200);
        options.MaxReconnectBackoff = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds));

        if (options.HttpHandler is SocketsHttpHandler sockets)
        {
            // Without it a connect to a silent host waits for the kernel (minutes), past any deadline.
            sockets.ConnectTimeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds));
        }
    }

    private static string? ReadPassword(EtcdSettings settings)
    {
        var hasUser = !string.IsNullOrWhiteSpace(settings.Username);
        var hasFile = !string.IsNullOrWhiteSpace(settings.PasswordFile);
        if (hasUser != hasFile)
        {
            throw new StoreException("etcd authentication needs both Etcd:Username and Etcd:PasswordFile, or neither");
        }

        if (!hasFile)
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(settings.PasswordFile!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot read the etcd password file {settings.PasswordFile} (Etcd:PasswordFile): {e.Message}", e);
        }

        // Files written by `echo` or editors end in a newline that is not part of the password.
        var password = text.TrimEnd('\r', '\n');
        if (password.Length == 0)
        {
            throw new StoreException($"the etcd password file {settings.PasswordFile} (Etcd:PasswordFile) is empty");
        }

        return password;
    }
}
