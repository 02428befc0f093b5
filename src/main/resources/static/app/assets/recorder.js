// The journal's voice recorder: MediaRecorder on the microphone, a preview to play back, and
// the recording saved as a voice entry (the server reads the format from the bytes).
'use strict';
(() => {
	const section = document.querySelector('[data-recorder]');
	if (!section || !navigator.mediaDevices || !window.MediaRecorder) {
		return;
	}
	section.hidden = false;
	const start = section.querySelector('[data-record-start]');
	const stop = section.querySelector('[data-record-stop]');
	const time = section.querySelector('[data-record-time]');
	const preview = section.querySelector('[data-record-preview]');
	const save = section.querySelector('[data-record-save]');
	const status = section.querySelector('[data-record-status]');
	let recording;
	let clock;

	start.addEventListener('click', async () => {
		let stream;
		try {
			stream = await navigator.mediaDevices.getUserMedia({ audio: true });
		}
		catch (denied) {
			status.textContent = status.dataset.denied;
			return;
		}
		const chunks = [];
		const recorder = new MediaRecorder(stream);
		recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
		recorder.addEventListener('stop', () => {
			stream.getTracks().forEach((track) => track.stop());
			recording = new Blob(chunks, { type: recorder.mimeType });
			preview.src = URL.createObjectURL(recording);
			preview.hidden = false;
			save.hidden = false;
		});
		recorder.start();
		const began = Date.now();
		clock = setInterval(() => {
			const seconds = Math.floor((Date.now() - began) / 1000);
			time.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
		}, 500);
		start.disabled = true;
		stop.disabled = false;
		stop.onclick = () => {
			clearInterval(clock);
			recorder.stop();
			stop.disabled = true;
			start.disabled = false;
		};
	});

	save.addEventListener('click', async () => {
		const body = new FormData();
		body.append('file', recording, 'recording');
		body.append('title', section.querySelector('[data-recording-title]').value);
		status.textContent = status.dataset.saving;
		const answer = await fetch('/app/journal/recordings', { method: 'POST', body, headers: { 'HX-Request': 'true',
			[document.querySelector('meta[name=_csrf_header]').content]: document.querySelector('meta[name=_csrf]').content } })
			.catch(() => null);
		if (answer && answer.ok) {
			window.location.reload();
			return;
		}
		status.textContent = status.dataset.failed;
	});
})();
