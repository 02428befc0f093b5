/*
 * Passkeys on the pages: sign in with one (fragment "signin") and manage them (fragment
 * "settings"). Talks JSON to /login/passkey/** and /account/security/passkeys/** with the
 * page session and the CSRF token the fragment renders.
 */
(function () {
	'use strict';

	if (window.upcoachPasskeys) {
		return;
	}
	window.upcoachPasskeys = true;

	function toBytes(base64url) {
		var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
		var padded = base64 + '==='.slice((base64.length + 3) % 4);
		var binary = atob(padded);
		var bytes = new Uint8Array(binary.length);
		for (var i = 0; i < binary.length; i++) {
			bytes[i] = binary.charCodeAt(i);
		}
		return bytes.buffer;
	}

	function toBase64url(buffer) {
		var bytes = new Uint8Array(buffer);
		var binary = '';
		for (var i = 0; i < bytes.length; i++) {
			binary += String.fromCharCode(bytes[i]);
		}
		return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	}

	function descriptors(list) {
		return (list || []).map(function (descriptor) {
			return { type: descriptor.type, id: toBytes(descriptor.id), transports: descriptor.transports };
		});
	}

	// Browsers without the WebAuthn Level 3 JSON helpers get the same conversion by hand.
	function creationOptions(json) {
		if (PublicKeyCredential.parseCreationOptionsFromJSON) {
			return PublicKeyCredential.parseCreationOptionsFromJSON(json);
		}
		var options = Object.assign({}, json);
		options.challenge = toBytes(json.challenge);
		options.user = Object.assign({}, json.user, { id: toBytes(json.user.id) });
		options.excludeCredentials = descriptors(json.excludeCredentials);
		return options;
	}

	function requestOptions(json) {
		if (PublicKeyCredential.parseRequestOptionsFromJSON) {
			return PublicKeyCredential.parseRequestOptionsFromJSON(json);
		}
		var options = Object.assign({}, json);
		options.challenge = toBytes(json.challenge);
		options.allowCredentials = descriptors(json.allowCredentials);
		return options;
	}

	function credentialJson(credential) {
		if (typeof credential.toJSON === 'function') {
			return credential.toJSON();
		}
		var response = credential.response;
		var json = {
			id: credential.id,
			rawId: toBase64url(credential.rawId),
			type: credential.type,
			authenticatorAttachment: credential.authenticatorAttachment || null,
			clientExtensionResults: credential.getClientExtensionResults(),
			response: { clientDataJSON: toBase64url(response.clientDataJSON) }
		};
		if (response.attestationObject) {
			json.response.attestationObject = toBase64url(response.attestationObject);
			json.response.transports = response.getTransports ? response.getTransports() : [];
		}
		else {
			json.response.authenticatorData = toBase64url(response.authenticatorData);
			json.response.signature = toBase64url(response.signature);
			json.response.userHandle = response.userHandle ? toBase64url(response.userHandle) : null;
		}
		return json;
	}

	function send(root, method, url, body) {
		var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
		var token = root.querySelector('meta[name="_csrf"]');
		var header = root.querySelector('meta[name="_csrf_header"]');
		if (token && header) {
			headers[header.getAttribute('content')] = token.getAttribute('content');
		}
		return fetch(url, {
			method: method,
			headers: headers,
			credentials: 'same-origin',
			body: (body === undefined) ? undefined : JSON.stringify(body)
		}).then(function (response) {
			return response.json().catch(function () {
				return {};
			}).then(function (json) {
				if (!response.ok) {
					var message = (json.error && json.error.message) || 'Something went wrong; try again';
					throw new Error(message);
				}
				return json.data;
			});
		});
	}

	function say(root, text) {
		var message = root.querySelector('[data-passkey-message]');
		if (message) {
			message.textContent = text;
		}
	}

	// The user closing the browser's dialog is not an error worth a message.
	function failed(root) {
		return function (error) {
			say(root, (error && error.name === 'NotAllowedError') ? '' : error.message);
		};
	}

	function supported(root) {
		if (window.PublicKeyCredential && navigator.credentials) {
			return true;
		}
		root.querySelectorAll('[data-passkey-signin-button], [data-passkey-register]').forEach(function (element) {
			element.hidden = true;
		});
		var note = root.querySelector('[data-passkey-unsupported]');
		if (note) {
			note.hidden = false;
		}
		return false;
	}

	function signIn(root) {
		var button = root.querySelector('[data-passkey-signin-button]');
		button.addEventListener('click', function () {
			button.disabled = true;
			say(root, '');
			send(root, 'POST', '/login/passkey/options').then(function (options) {
				return navigator.credentials.get({ publicKey: requestOptions(options.publicKey) })
					.then(function (credential) {
						return send(root, 'POST', '/login/passkey',
							{ challengeId: options.challengeId, credential: credentialJson(credential) });
					});
			}).then(function (result) {
				window.location.assign(result.redirect);
			}).catch(failed(root)).finally(function () {
				button.disabled = false;
			});
		});
	}

	function settings(root) {
		root.querySelectorAll('time[datetime]').forEach(function (time) {
			time.textContent = new Date(time.getAttribute('datetime')).toLocaleDateString();
		});
		var register = root.querySelector('[data-passkey-register]');
		register.addEventListener('submit', function (event) {
			event.preventDefault();
			if (!supported(root)) {
				return;
			}
			say(root, '');
			var name = register.elements.name.value;
			send(root, 'POST', '/account/security/passkeys/options').then(function (options) {
				return navigator.credentials.create({ publicKey: creationOptions(options.publicKey) })
					.then(function (credential) {
						return send(root, 'POST', '/account/security/passkeys', {
							challengeId: options.challengeId, credential: credentialJson(credential), name: name || null
						});
					});
			}).then(function () {
				window.location.reload();
			}).catch(failed(root));
		});
		root.querySelectorAll('[data-passkey-id]').forEach(function (item) {
			var url = '/account/security/passkeys/' + encodeURIComponent(item.getAttribute('data-passkey-id'));
			var rename = item.querySelector('[data-passkey-rename]');
			rename.addEventListener('submit', function (event) {
				event.preventDefault();
				send(root, 'PATCH', url, { name: rename.elements.name.value }).then(function () {
					say(root, 'Passkey renamed');
				}).catch(failed(root));
			});
			var remove = item.querySelector('[data-passkey-delete]');
			remove.addEventListener('click', function () {
				if (!window.confirm('Remove the passkey "' + remove.getAttribute('data-passkey-name')
					+ '"? It will no longer sign you in.')) {
					return;
				}
				send(root, 'DELETE', url).then(function () {
					item.remove();
					say(root, 'Passkey removed');
				}).catch(failed(root));
			});
		});
	}

	function start() {
		document.querySelectorAll('[data-passkey-signin]').forEach(function (root) {
			if (supported(root)) {
				signIn(root);
			}
		});
		document.querySelectorAll('[data-passkey-settings]').forEach(function (root) {
			supported(root);
			settings(root);
		});
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	}
	else {
		start();
	}
}());
