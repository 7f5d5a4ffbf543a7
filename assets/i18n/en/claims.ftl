## claims
