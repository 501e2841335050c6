// Request bodies of pipelines, shared by the server (which validates them) and the web app (which
// validates the same way as the user types).
export {};
