using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QdrantGrpc = Qdrant.Client.Grpc;

namespace Assistant.Tests.Qdrant;

/// <summary>
/// An in-process Qdrant gRPC server (Grpc.AspNetCore on a loopback port, HTTP/2). Its methods are bound from the
/// service descriptors Qdrant.Client ships (<c>Points</c>, <c>Collections</c>, <c>Qdrant</c>), so request and response
/// types, names and wire format are Qdrant's own; <see cref="QdrantDoubleStore"/> answers the calls the back-end makes
/// and every other call is Unimplemented. It checks the <c>api-key</c> header when given one, records every call with
/// its outcome, and injects failures (<see cref="FailNext"/>) and hangs (<see cref="HangNext"/>).
/// </summary>
public sealed class QdrantDouble : IAsyncDisposable
{
    private readonly QdrantDoubleStore store = new();
    private readonly ConcurrentQueue<RecordedCall> calls = new();
    private readonly ConcurrentQueue<Fault> faults = new();
    private readonly string? apiKey;
    private WebApplication? app;

    private QdrantDouble(string? apiKey) => this.apiKey = apiKey;

    public string Url { get; private set; } = "";

    public IReadOnlyList<RecordedCall> Calls => [.. calls];

    /// <summary>The requests of one type that were answered successfully, in order.</summary>
    public IReadOnlyList<T> Requests<T>() where T : IMessage => [.. calls.Where(c => c.Status == StatusCode.OK).Select(c => c.Request).OfType<T>()];

    /// <summary>Calls a correct client never provokes: unauthenticated, unimplemented, or refused as Qdrant's strict mode would.</summary>
    public IReadOnlyList<string> Refusals => [.. calls
        .Where(c => c.Status is StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.Unimplemented or StatusCode.InvalidArgument && !c.Injected)
        .Select(c => $"{c.Method}: {c.Status} {c.Detail}")];

    public IReadOnlyList<string> CollectionNames => store.CollectionNames;

    public string? AliasTarget(string alias) => store.AliasTarget(alias);

    /// <summary>Starts on a free loopback port, or on <paramref name="port"/> (to restart a stopped double where it was).</summary>
    public static async Task<QdrantDouble> StartAsync(string? apiKey = null, int port = 0)
    {
        var server = new QdrantDouble(apiKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new Service(server));
        builder.Services.AddSingleton<IServiceMethodProvider<Service>, MethodProvider>();
        server.app = builder.Build();
        server.app.MapGrpcService<Service>();
        await server.app.StartAsync();
        server.Url = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    /// <summary>The next <paramref name="times"/> calls (of <paramref name="method"/> only, when given) fail with this status.</summary>
    public void FailNext(StatusCode status, string detail, int times = 1, string? method = null)
    {
        for (var i = 0; i < times; i++) faults.Enqueue(new Fault(method, status, detail));
    }

    /// <summary>The next <paramref name="times"/> calls never answer; they end when the client gives up.</summary>
    public void HangNext(int times = 1)
    {
        for (var i = 0; i < times; i++) faults.Enqueue(new Fault(null, null, ""));
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            // Open calls (a hung one) are cut off at once.
            await app.StopAsync(new CancellationToken(canceled: true));
            await app.DisposeAsync();
        }
    }

    private async Task<IMessage> HandleAsync(MethodDescriptor method, IMessage request, ServerCallContext context)
    {
        var name = $"{method.Service.Name}/{method.Name}";
        var key = context.RequestHeaders.GetValue("api-key") ?? "";
        var injected = false;
        try
        {
            if (apiKey is not null && key != apiKey)
            {
                // Qdrant's own answers for a missing and a wrong key.
                throw key.Length == 0
                    ? new RpcException(new Status(StatusCode.Unauthenticated, "Must provide an API key or an Authorization bearer token"))
                    : new RpcException(new Status(StatusCode.PermissionDenied, "Invalid api-key"));
            }
            if (TakeFault(method.Name) is { } fault)
            {
                injected = true;
                if (fault.Status is not { } status)
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                    throw new RpcException(new Status(StatusCode.Cancelled, "hung until the client gave up"));
                }
                throw new RpcException(new Status(status, fault.Detail));
            }
            var response = store.Serve(name, request);
            calls.Enqueue(new RecordedCall(name, request, key, StatusCode.OK, "", false));
            return response;
        }
        catch (RpcException e)
        {
            calls.Enqueue(new RecordedCall(name, request, key, e.StatusCode, e.Status.Detail, injected));
            throw;
        }
        catch (OperationCanceledException)
        {
            calls.Enqueue(new RecordedCall(name, request, key, StatusCode.Cancelled, "the client gave up", injected));
            throw;
        }
    }

    private Fault? TakeFault(string method)
    {
        // A fault for another method stays queued.
        if (faults.TryPeek(out var next) && (next.Method is null || next.Method == method) && faults.TryDequeue(out var fault)) return fault;
        return null;
    }

    private sealed record Fault(string? Method, StatusCode? Status, string Detail);

    /// <summary>The service instance Grpc.AspNetCore activates; every method forwards to the double.</summary>
    private sealed class Service(QdrantDouble server)
    {
        public Task<IMessage> HandleAsync(MethodDescriptor method, IMessage request, ServerCallContext context) => server.HandleAsync(method, request, context);
    }

    /// <summary>Binds every unary method of Qdrant's services, as Qdrant.Client's descriptors declare them.</summary>
    private sealed class MethodProvider : IServiceMethodProvider<Service>
    {
        private static readonly Google.Protobuf.Reflection.ServiceDescriptor[] Services = [QdrantGrpc.Points.Descriptor, QdrantGrpc.Collections.Descriptor, QdrantGrpc.Qdrant.Descriptor];

        public void OnServiceMethodDiscovery(ServiceMethodProviderContext<Service> context)
        {
            var bind = typeof(MethodProvider).GetMethod(nameof(Bind), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
            foreach (var method in Services.SelectMany(service => service.Methods).Where(m => !m.IsClientStreaming && !m.IsServerStreaming))
            {
                bind.MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType).Invoke(null, [context, method]);
            }
        }

        private static void Bind<TRequest, TResponse>(ServiceMethodProviderContext<Service> context, MethodDescriptor descriptor)
            where TRequest : class, IMessage<TRequest>, new()
            where TResponse : class, IMessage<TResponse>, new()
        {
            var parser = new MessageParser<TRequest>(() => new TRequest());
            var method = new Method<TRequest, TResponse>(MethodType.Unary, descriptor.Service.FullName, descriptor.Name,
                Marshallers.Create(request => request.ToByteArray(), parser.ParseFrom),
                Marshallers.Create(response => response.ToByteArray(), new MessageParser<TResponse>(() => new TResponse()).ParseFrom));
            context.AddUnaryMethod(method, [], async (service, request, call) => (TResponse)await service.HandleAsync(descriptor, request, call));
        }
    }
}

/// <summary>One call the double received: its method (Service/Method), request, api-key header and how it was answered.</summary>
public sealed record RecordedCall(string Method, IMessage Request, string ApiKey, StatusCode Status, string Detail, bool Injected);
