-- The client that asked for a sign-off or an extension, so that a reviewer can be told apart from the requester
-- (separation of duties). Null for requests made before this column existed, or outside a request (seeding).
ALTER TABLE SignOffRequests ADD RequestedByClientId UNIQUEIDENTIFIER NULL;
ALTER TABLE Extensions ADD RequestedByClientId UNIQUEIDENTIFIER NULL;
