// Every data-plane role the deployment needs. Names follow guid(scope.id, principalId, roleId)
// so a re-deployment finds the same assignment instead of failing on a duplicate.
param storageAccountName string
param applicationInsightsName string
param serviceBusNamespaceName string
param commandsQueueName string
param resultsQueueName string

@description('Principal id of the Function App\'s user-assigned identity.')
param apiPrincipalId string

@description('Principal id of the on-premises agent (managed identity or app registration service principal).')
param agentPrincipalId string

@description('Optional: a developer\'s user principal id, granted data access for debugging.')
param userPrincipalId string = ''

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  serviceBusDataOwner: '090c5cfd-751d-490a-894a-3ce6f1109419'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// The Durable Task Azure Storage provider keeps history in tables, work items in queues and
// leases and large payloads in blobs; the Functions host itself needs Blob Data Owner. Table Data
// Contributor on the account also covers the audit trail's table (Audit__TableServiceUri).
var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

var storageGrants = concat(
  map(storageRoles, roleId => { roleId: roleId, principalId: apiPrincipalId, principalType: 'ServicePrincipal' }),
  empty(userPrincipalId) ? [] : map(storageRoles, roleId => { roleId: roleId, principalId: userPrincipalId, principalType: 'User' })
)

// The cloud queues commands and drains results; the agent does the opposite.
var queueGrants = [
  { queue: commandsQueueName, principalId: apiPrincipalId, roleId: roles.serviceBusDataSender }
  { queue: resultsQueueName, principalId: apiPrincipalId, roleId: roles.serviceBusDataReceiver }
  { queue: commandsQueueName, principalId: agentPrincipalId, roleId: roles.serviceBusDataReceiver }
  { queue: resultsQueueName, principalId: agentPrincipalId, roleId: roles.serviceBusDataSender }
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName
}

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for grant in storageGrants: {
  name: guid(storage.id, grant.principalId, grant.roleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', grant.roleId)
    principalId: grant.principalId
    principalType: grant.principalType
  }
}]

// Application Insights has local auth off; the app publishes telemetry as its identity.
resource telemetryAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, apiPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: apiPrincipalId
    principalType: 'ServicePrincipal'
  }
}

module queueAccess 'queue-role.bicep' = [for (grant, i) in queueGrants: {
  name: 'queue-role-${i}'
  params: {
    serviceBusNamespaceName: serviceBusNamespaceName
    queueName: grant.queue
    principalId: grant.principalId
    roleDefinitionId: grant.roleId
  }
}]

// A developer may peek, resubmit or purge dead-lettered messages while debugging.
resource userServiceBusAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(serviceBus.id, userPrincipalId, roles.serviceBusDataOwner)
  scope: serviceBus
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataOwner)
    principalId: userPrincipalId
    principalType: 'User'
  }
}
