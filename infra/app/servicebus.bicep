// Service Bus namespace with the two queues of the wire contract
// (GroupWriteback.Transport.QueueNames). Local (SAS) auth is off: the Function App and the
// agent authenticate with Entra ID and get queue-scoped data roles in rbac.bicep.
param name string
param location string
param tags object = {}

@description('Queue of commands for the agent: one session per group (per-group FIFO).')
param commandsQueueName string = 'writeback-commands'

@description('Queue of the agent\'s results for the cloud.')
param resultsQueueName string = 'writeback-results'

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    // Standard is the smallest tier with sessions and duplicate detection.
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource commandsQueue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: commandsQueueName
  properties: {
    // Session id = group id keeps one group's commands in order on one agent at a time.
    requiresSession: true
    // Message id = deterministic command id: a command published twice within five minutes is dropped.
    requiresDuplicateDetection: true
    // Shorter than Writeback:ResultTimeout (10 min): a command re-queued because its result never came must not be
    // dropped as a duplicate of itself, while a publish retried within minutes still is.
    duplicateDetectionHistoryTimeWindow: 'PT5M'
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    // Large membership snapshots take a while against a busy DC; the agent renews the lock too.
    lockDuration: 'PT2M'
    defaultMessageTimeToLive: 'P14D'
    maxSizeInMegabytes: 1024
    enablePartitioning: false
    enableBatchedOperations: true
  }
}

resource resultsQueue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: resultsQueueName
  properties: {
    requiresSession: false
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P14D'
    maxSizeInMegabytes: 1024
    enablePartitioning: false
    enableBatchedOperations: true
  }
}

output namespaceName string = namespace.name
// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ ; clients want the bare host.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
output commandsQueueName string = commandsQueue.name
output resultsQueueName string = resultsQueue.name
