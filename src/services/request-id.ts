// A client key for one attempt at an action (book, requestHomeVisit, fileDispute, publish): the backend answers a retry
// carrying the same key with the first result, so a lost answer never books twice. Not a secret,
// so Math.random is enough; crypto.randomUUID is missing on older WeChat clients.
export function newRequestId(): string {
  let id = Date.now().toString(36)
  while (id.length < 32) id += Math.floor(Math.random() * 36).toString(36)
  return id
}
